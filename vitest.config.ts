import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';
import preact from '@preact/preset-vite';

export default defineConfig({
  plugins: [WxtVitest(), preact()],
  test: {
    // Node by default: a happy-dom window costs every file its setup. The files that render
    // or walk a DOM say so at their top (`// @vitest-environment happy-dom`).
    environment: 'node',
    include: ['tests/unit/**/*.test.{ts,tsx}', 'lib/**/*.test.ts'],
    // One file per core. Vitest's default for a run is one fewer than the cores: on a 2-core
    // machine that is a single worker, every file in turn, the other core idle.
    maxWorkers: availableParallelism(),
    setupFiles: ['tests/unit/setup.ts'],
  },
});
