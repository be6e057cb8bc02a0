import { defineConfig } from 'vitest/config';

const pgUrl = process.env.SIAGA_TEST_PG_URL;

const shared = {
  include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
  exclude: ['test/browser/**', 'node_modules/**'],
  testTimeout: 20_000,
  hookTimeout: 60_000,
  // Polls wait for background work (job workers, streams); a loaded CI machine needs slack.
  expect: { poll: { timeout: 15_000 } },
};

/**
 * The whole suite runs on SQLite, and again on PostgreSQL (with Redis for the bus when
 * SIAGA_TEST_REDIS_URL is set) when SIAGA_TEST_PG_URL is set.
 */
export default defineConfig({
  test: {
    projects: [
      { test: { ...shared, name: 'sqlite', env: { SIAGA_TEST_DIALECT: 'sqlite' } } },
      ...(pgUrl
        ? [{ test: { ...shared, name: 'postgres', env: { SIAGA_TEST_DIALECT: 'postgres' } } }]
        : []),
    ],
  },
});
