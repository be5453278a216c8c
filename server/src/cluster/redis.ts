import { randomUUID } from 'node:crypto';
import { createClient } from 'redis';

export type RedisClient = ReturnType<typeof createClient>;

/** How often a node says it is alive, and how long after its last word it counts as dead. */
export const NODE_HEARTBEAT_INTERVAL_MS = 2_000;
export const NODE_DEAD_AFTER_MS = 6_000;

/**
 * What a node shares with the other nodes of a cluster: one Redis (commands and a subscriber
 * connection), its own id, and the prefix of every key and channel (several clusters, or test
 * runs, may share one Redis).
 */
export interface Cluster {
  nodeId: string;
  prefix: string;
  redis: RedisClient;
  /** A second connection in subscriber mode (board relay). */
  subscriber: RedisClient;
  /** The key or channel `name` of this cluster. */
  key(name: string): string;
  close(): Promise<void>;
}

export async function connectCluster(url: string, options: { prefix?: string; nodeId?: string } = {}): Promise<Cluster> {
  const prefix = options.prefix ?? 'gommette';
  const nodeId = options.nodeId ?? randomUUID();
  const redis: RedisClient = createClient({ url });
  // Errors are retried by the client itself; without a listener node-redis would throw them.
  redis.on('error', () => undefined);
  await redis.connect();
  const subscriber = redis.duplicate();
  subscriber.on('error', () => undefined);
  await subscriber.connect();
  const aliveKey = `${prefix}:node:${nodeId}`;
  const beat = (): Promise<unknown> =>
    redis.set(aliveKey, String(Date.now()), { expiration: { type: 'PX', value: NODE_DEAD_AFTER_MS } }).catch(() => undefined);
  await beat();
  const heartbeat = setInterval(() => void beat(), NODE_HEARTBEAT_INTERVAL_MS);
  heartbeat.unref();
  return {
    nodeId,
    prefix,
    redis,
    subscriber,
    key: (name) => `${prefix}:${name}`,
    async close() {
      clearInterval(heartbeat);
      await redis.del(aliveKey).catch(() => undefined);
      await Promise.allSettled([subscriber.close(), redis.close()]);
    },
  };
}

/** Whether each of these nodes has said it is alive lately. */
export async function liveNodes(cluster: Cluster, nodeIds: ReadonlyArray<string>): Promise<Set<string>> {
  if (nodeIds.length === 0) return new Set();
  const beats = await cluster.redis.mGet(nodeIds.map((id) => `${cluster.prefix}:node:${id}`));
  return new Set(nodeIds.filter((_, index) => beats[index] !== null));
}
