/** The searcher's contract on the real dataset's names as a user might type them (same-as-fuse.ts). */
import { describe, expect, test } from 'vitest';
import { realSearch } from './fixtures';
import { agreement, plainFuse, sampleQueries } from './same-as-fuse';

describe('same top results as plain Fuse', () => {
  test('real dataset: sampled names, top 5', () => {
    const { data } = realSearch();
    const top5 = agreement(data, plainFuse(data), sampleQueries(data, 60, 0xa11ce), 5);
    expect(top5.diffs).toEqual([]);
    expect(top5.total).toBe(60);
  }, 120_000);
});
