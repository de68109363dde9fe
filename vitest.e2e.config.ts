import { defineConfig } from 'vitest/config';

// Browser tests: real Chromium and Firefox driving the built extension. One file at a time,
// since each starts a browser and the machine has two cores.
export default defineConfig({
  test: {
    environment: 'node',
    include: ['tests/e2e/**/*.e2e.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 90_000,
  },
});
