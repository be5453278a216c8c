import type { Cluster } from './redis';

/**
 * True for exactly one caller of `name` across the cluster within `ttlMs` (SET NX in Redis), so
 * that a job armed on every node (a round's closing time) runs once. A lone node is its own
 * cluster: always true (the job itself must still be idempotent, as a node may die mid-job).
 */
export async function claimOnce(cluster: Cluster | null, name: string, ttlMs: number): Promise<boolean> {
  if (!cluster) return true;
  const won = await cluster.redis.set(cluster.key(`claim:${name}`), cluster.nodeId, { condition: 'NX', expiration: { type: 'PX', value: ttlMs } });
  return won === 'OK';
}
