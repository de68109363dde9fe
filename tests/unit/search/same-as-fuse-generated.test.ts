/**
 * The searcher's contract on a generated pack (real + 1,000 pseudo-entities): the same ranking
 * as plain Fuse (same-as-fuse.ts), and typing on changes nothing.
 */
import { describe, expect, test } from 'vitest';
import { LANGS } from '../../../lib/dataset/basics';
import { loadSearcher, prepareQuery } from '../../../lib/search';
import { createRng } from '../../../scripts/bench/prng';
import { keystrokes } from '../../../scripts/bench/search-set';
import { generatedData } from './fixtures';
import { agreement, plainFuse, sampleQueries } from './same-as-fuse';

describe('same top results as plain Fuse', () => {
  test('generated pack (real + 1,000 pseudo-entities, six languages)', () => {
    const data = generatedData(1_000);
    expect(data.records.length).toBeGreaterThan(13_000);
    const pseudoNames = data.records.filter((r) => data.entities[r[0]]!.id.startsWith('bench-'));
    const typed = LANGS.flatMap((_, k) => keystrokes(pseudoNames[(k * 977) % pseudoNames.length]![2]));
    const result = agreement(data, plainFuse(data), [...typed, ...sampleQueries(data, 30, 0xbeef)], 5);
    expect(result.diffs).toEqual([]);
    expect(result.total).toBeGreaterThan(60);
  }, 120_000);
});

describe('typing on reuses the last keystroke and changes nothing', () => {
  test('random typing sessions (type, typo, backspace, paste) answer as a searcher that reuses nothing', () => {
    const data = generatedData(1_000);
    const typing = loadSearcher(data);
    const cold = loadSearcher(data);
    // '\u0001' is no prefix of any prepared pattern: the cold searcher never reuses anything.
    const coldRank = (p: string, limit: number) => (cold.rank('\u0001', 1), cold.rank(p, limit));
    const rng = createRng(0x7e9);
    let steps = 0;
    let reused = 0;
    for (let session = 0; session < 12; session++) {
      const target = [...data.records[rng.int(data.records.length)]![2]];
      let typed = '';
      let previous = '';
      for (let step = 0; step < 40 && typed.length < 32; step++) {
        const move = rng.int(10);
        if (move < 6) typed += target[typed.length] ?? 'x';
        else if (move < 7)
          typed += 'qзع'[rng.int(3)]!; // a typo
        else if (move < 9) typed = typed.slice(0, -1);
        else typed += target.slice(typed.length, typed.length + 4).join(''); // a pasted run
        const pattern = prepareQuery(typed);
        if (!pattern) continue;
        if (previous && pattern.startsWith(previous)) reused++;
        previous = pattern;
        steps++;
        expect(typing.rank(pattern, 20), pattern).toEqual(coldRank(pattern, 20));
      }
    }
    expect(steps).toBeGreaterThan(200);
    expect(reused).toBeGreaterThan(100);
  }, 120_000);
});
