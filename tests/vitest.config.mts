import { defineConfig } from 'vitest/config';

/** Unit and integration tests: handlers called directly and over HTTP, the store, the built desktop shell. */
export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts'],
    root: '.',
    testTimeout: 20_000,
  },
});
