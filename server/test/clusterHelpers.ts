import { randomBytes } from 'node:crypto';
import { pino } from 'pino';
import { inject } from 'vitest';
import { connectCluster, type Cluster } from '../src/cluster/redis';
import { removeDataDir, startServer, tempDataDir, type TestServer } from './helpers';

export interface TwoNodes {
  a: TestServer;
  b: TestServer;
  clusters: [Cluster, Cluster];
  /** What each node logged (to count what happened once). */
  logs: [string[], string[]];
  close(): Promise<void>;
}

function capturingLogger(lines: string[]) {
  return pino({ level: 'info' }, { write: (line: string) => void lines.push(line) });
}

/**
 * Two app instances on port 0, as two nodes of one cluster: one SQLite file (WAL, as the local
 * cluster shares it), one Redis (the run's, from the global setup) under a prefix of their own.
 */
export async function startTwoNodes(): Promise<TwoNodes> {
  const redisUrl = inject('redisUrl');
  const prefix = `test-${randomBytes(6).toString('hex')}`;
  const dataDir = tempDataDir();
  const clusters: [Cluster, Cluster] = [await connectCluster(redisUrl, { prefix }), await connectCluster(redisUrl, { prefix })];
  const logs: [string[], string[]] = [[], []];
  const a = await startServer({ dataDir, cluster: clusters[0], logger: capturingLogger(logs[0]) });
  const b = await startServer({ dataDir, cluster: clusters[1], logger: capturingLogger(logs[1]) });
  return {
    a,
    b,
    clusters,
    logs,
    close: async () => {
      await Promise.allSettled([a.close(), b.close()]);
      const keys = await clusters[0].redis.keys(`${prefix}:*`).catch(() => [] as string[]);
      if (keys.length > 0) await clusters[0].redis.del(keys).catch(() => undefined);
      await Promise.allSettled(clusters.map((cluster) => cluster.close()));
      removeDataDir(dataDir);
    },
  };
}
