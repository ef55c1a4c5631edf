import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/browser/**/*.test.ts'],
    globalSetup: ['test/browser/global-setup.ts'],
    pool: 'forks',
    // two files at a time: CI has two cores, and a browser journey mostly waits on the server and Chromium
    maxWorkers: 2,
    // as in vitest.config.ts: the app and Playwright are imported once per worker, not once per file
    isolate: false,
    testTimeout: 180_000,
    hookTimeout: 300_000,
  },
});
