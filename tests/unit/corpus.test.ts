/**
 * The shared corpus (../shared/corpus) feeds the Wikidata tests, the corpus sweeps and the
 * benches. Without it they must fail, naming the folder, never pass over nothing.
 */
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { CORPUS_PAGES, corpusMissing, corpusPagePaths } from '../support/static-server';

describe('the shared corpus', () => {
  test('is there: its saved pages and its Wikidata documents', () => {
    expect(existsSync(CORPUS_PAGES), corpusMissing() ?? '').toBe(true);
    expect(corpusPagePaths().length).toBeGreaterThan(100);
    expect(existsSync(join(CORPUS_PAGES, '../wikidata/Q2112.json')), join(CORPUS_PAGES, '../wikidata')).toBe(true);
  });

  test('a missing corpus folder is an error that names it, not an empty list', () => {
    const gone = join(tmpdir(), 'context-lens-no-corpus-here');
    expect(corpusMissing(gone)).toContain(gone);
    expect(() => corpusPagePaths(gone)).toThrow(gone);
  });
});
