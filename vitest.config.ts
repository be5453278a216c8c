import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['shared/src/**/*.test.ts', 'server/src/**/*.test.ts', 'server/test/**/*.test.ts', 'client/src/**/*.test.{ts,tsx}'],
    environment: 'node',
    globalSetup: ['server/test/redisGlobalSetup.ts'],
    testTimeout: 20_000,
    hookTimeout: 20_000,
  },
});
