import type { TestProject } from 'vitest/node';
import { ensureRedis } from '../../scripts/redis.mjs';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A Redis for the cluster tests: 127.0.0.1:6379, or a private redis-server started here. */
    redisUrl: string;
  }
}

/** Finds or starts Redis once for the whole run; a private one is stopped at the end. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const redis = await ensureRedis({ url: process.env.REDIS_URL, log: (line) => console.log(line) });
  project.provide('redisUrl', redis.url);
  return () => redis.stop();
}
