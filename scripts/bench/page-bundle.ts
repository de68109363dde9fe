/**
 * Bundles the in-page side of the bench (lib/match, the content script's text helpers, the
 * mark.js and modern-ahocorasick baselines and the harness) into one IIFE with esbuild, so
 * the browser runs the same engine code the extension ships, not a copy of it.
 */
import { build } from 'esbuild';
import { join } from 'node:path';

export const PAGE_GLOBAL = 'BenchPage';

export async function bundleInPageCode(): Promise<string> {
  const result = await build({
    entryPoints: [join(import.meta.dirname, 'in-page/index.ts')],
    bundle: true,
    format: 'iife',
    globalName: PAGE_GLOBAL,
    platform: 'browser',
    target: 'chrome120',
    write: false,
    // Minifying would not change the hot loops' speed, and readable code helps when profiling.
    minify: false,
    sourcemap: false,
    logLevel: 'silent',
  });
  const file = result.outputFiles[0];
  if (!file) throw new Error('bench: esbuild produced no bundle');
  return file.text;
}
