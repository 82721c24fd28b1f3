import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    root: '.',
    include: ['test/**/*.test.ts'],
    globalSetup: ['./test/helpers/postgresGlobalSetup.ts'],
    reporters: ['default', './test/plainSummaryReporter.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
