import { defineConfig } from 'vitest/config';
import unit, { FUSE_EQUIVALENCE } from './vitest.config';

/** The unit settings, for the Fuse-equivalence files only (vitest.config.ts says why they run apart). */
export default defineConfig({
  ...unit,
  test: { ...unit.test, include: FUSE_EQUIVALENCE, exclude: [] },
});
