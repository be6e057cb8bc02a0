import { defineConfig } from 'vitest/config';

/** Browser tests: the real server and built PWA driven by Debian's chromium (playwright-core). */
export default defineConfig({
  test: {
    name: 'browser',
    environment: 'node',
    include: ['test/browser/**/*.test.ts'],
    globalSetup: ['test/browser/build-web.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // One chromium at a time: the CI machine has two cores.
    fileParallelism: false,
  },
});
