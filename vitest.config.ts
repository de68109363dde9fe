import { availableParallelism } from 'node:os';
import { configDefaults, defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';
import preact from '@preact/preset-vite';

/**
 * The Fuse-equivalence suite: our searcher against a plain Fuse pass over every name, about
 * 330 patterns over 21,000 to 27,000 names, half a minute of CPU that no setup can save (the
 * passes are the reference). It runs in full as its own step of `npm test`
 * (vitest.fuse.config.ts, `npm run test:fuse`), so the unit run stays under a minute.
 */
export const FUSE_EQUIVALENCE = ['tests/unit/search/same-as-fuse*.test.ts'];

export default defineConfig({
  plugins: [WxtVitest(), preact()],
  test: {
    // Node by default: a happy-dom window costs every file its setup. The files that render
    // or walk a DOM say so at their top (`// @vitest-environment happy-dom`).
    environment: 'node',
    include: ['tests/unit/**/*.test.{ts,tsx}', 'lib/**/*.test.ts'],
    exclude: [...configDefaults.exclude, ...FUSE_EQUIVALENCE],
    // One file per core. Vitest's default for a run is one fewer than the cores: on a 2-core
    // machine that is a single worker, every file in turn, the other core idle.
    maxWorkers: availableParallelism(),
    setupFiles: ['tests/unit/setup.ts'],
  },
});
