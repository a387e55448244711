import { defineConfig } from 'vitest/config';

/** End-to-end tests: Chromium driven by playwright-core against browser mode, one file at a time (2 cores). */
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    root: '.',
    testTimeout: 60_000,
    hookTimeout: 60_000,
    fileParallelism: false,
  },
});
