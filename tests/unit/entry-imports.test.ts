/**
 * What entry points may not import. The library page's workers have no extension APIs: nothing
 * they import may touch `browser` or `wxt/*` at load (a wxt storage item defined at module level
 * threw in both on every import). The content script loads on every page: it carries no
 * validation or storage library (lib/checks.ts has why).
 */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { expect, test } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');

/** Every module a file imports, transitively, within the repository (relative imports only). */
function importsOf(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  const source = readFileSync(file, 'utf8');
  for (const m of source.matchAll(/^import\s+(?!type\b)[^'"]*['"]([^'"]+)['"]/gm)) {
    const spec = m[1]!;
    if (!spec.startsWith('.')) {
      seen.add(spec);
      continue;
    }
    const base = resolve(dirname(file), spec);
    for (const candidate of [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts')]) {
      try {
        readFileSync(candidate);
        if (candidate.endsWith('.ts') || candidate.endsWith('.tsx')) importsOf(candidate, seen);
        break;
      } catch {
        // not this one
      }
    }
  }
  return seen;
}

test.each(['entrypoints/library/pack-worker.ts', 'entrypoints/library/matcher-worker.ts'])(
  '%s imports no extension API',
  (worker) => {
    const all = [...importsOf(join(ROOT, worker))];
    expect(all.filter((m) => m.startsWith('wxt') || m.includes('webextension'))).toEqual([]);
  },
);

test('the content script imports no validation or storage library', () => {
  const all = [...importsOf(join(ROOT, 'entrypoints/content/index.ts'))];
  expect(all.length).toBeGreaterThan(30);
  expect(all.filter((m) => m.startsWith('zod') || m.includes('storage') || m.startsWith('@wxt-dev'))).toEqual([]);
});
