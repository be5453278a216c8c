import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['shared/src/**/*.test.ts', 'server/src/**/*.test.ts', 'server/test/**/*.test.ts', 'client/src/**/*.test.{ts,tsx}'],
    environment: 'node',
    // Finds (or starts) the PostgreSQL the PostgreSQL adapter's contract suites run against.
    globalSetup: ['server/test/pgGlobalSetup.ts'],
    testTimeout: 20_000,
    hookTimeout: 20_000,
  },
});
