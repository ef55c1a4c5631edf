import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.{ts,tsx}', 'test/**/*.test.{ts,tsx}', 'scripts/**/*.test.ts'],
    exclude: ['test/browser/**', 'node_modules/**'],
    globalSetup: ['test/global-setup.ts'],
    pool: 'forks',
    maxWorkers: 2,
    // Each worker process keeps its module graph from file to file: importing the app anew for every one of
    // ~150 files was over half of the suite's CPU time (16 HTTP test files: 205 CPU-s isolated, 95 CPU-s not).
    // Every test file builds its own app on its own database (test/app.ts), so nothing is shared but code.
    isolate: false,
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
