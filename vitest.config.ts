import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['shared/src/**/*.test.ts', 'server/src/**/*.test.ts', 'server/test/**/*.test.ts', 'client/src/**/*.test.{ts,tsx}'],
    environment: 'node',
    // Find (or start) the PostgreSQL and the Redis that the adapters' and the cluster's tests run against.
    globalSetup: ['server/test/pgGlobalSetup.ts', 'server/test/redisGlobalSetup.ts'],
    testTimeout: 20_000,
    hookTimeout: 20_000,
  },
});
