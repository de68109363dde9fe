/**
 * The searcher's contract on the real dataset, as typed: the same ranking as plain Fuse
 * (same-as-fuse.ts). The sampled names and the generated pack are in the other
 * same-as-fuse-*.test.ts files, so the suite's Fuse passes run on both workers.
 */
import { describe, expect, test } from 'vitest';
import { createPlainSearcher, prepareQuery } from '../../../lib/search';
import { keystrokes, REAL_QUERIES } from '../../../scripts/bench/search-set';
import { realSearch } from './fixtures';
import { agreement, MAX_LIMIT, plainFuse } from './same-as-fuse';

describe('same top results as plain Fuse', () => {
  test('real dataset: typed keystrokes, top 5 and top 20', () => {
    const { data } = realSearch();
    const plain = plainFuse(data);
    const queries = REAL_QUERIES.flatMap(keystrokes);
    const top5 = agreement(data, plain, queries, 5);
    expect(top5.diffs).toEqual([]);
    expect(top5.total).toBeGreaterThan(150);
    expect(agreement(data, plain, queries.slice(0, 40), 20).diffs).toEqual([]);
  }, 120_000);

  test("plain Fuse's ranking at a smaller limit is the start of its ranking at the largest (what plainFuse keeps)", () => {
    const { data } = realSearch();
    const kept = plainFuse(data);
    const fresh = createPlainSearcher(data);
    for (const q of ['a', 'Ban', 'Organisation mondiale', 'Совет', '联合国']) {
      const pattern = prepareQuery(q);
      expect(kept(pattern, MAX_LIMIT)).toHaveLength(MAX_LIMIT);
      for (const limit of [1, 5])
        expect(kept(pattern, limit), `${pattern} @${limit}`).toEqual(fresh.rank(pattern, limit));
    }
  }, 120_000);
});
