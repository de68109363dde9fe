/**
 * The searcher's contract: the same ranking as a plain Fuse built at open time over every
 * name with the same options (same names, same scores, same order), only faster.
 */
import { describe, expect, test } from 'vitest';
import { LANGS } from '../../../lib/dataset/basics';
import { createPlainSearcher, loadSearcher, prepareQuery, type SearchData } from '../../../lib/search';
import { createRng } from '../../../scripts/bench/prng';
import { keystrokes, REAL_QUERIES } from '../../../scripts/bench/search-set';
import { generatedData, realSearch } from './fixtures';

/** Names as a user might type them: whole, cut short, with a letter dropped, doubled or swapped. */
function sampleQueries(data: SearchData, count: number, seed: number): string[] {
  const rng = createRng(seed);
  const out: string[] = [];
  while (out.length < count) {
    const text = data.records[rng.int(data.records.length)]![2];
    const chars = [...text];
    const at = rng.int(Math.max(1, chars.length));
    switch (rng.int(5)) {
      case 0:
        out.push(text);
        break;
      case 1:
        out.push(chars.slice(0, 1 + rng.int(chars.length)).join(''));
        break;
      case 2:
        out.push([...chars.slice(0, at), ...chars.slice(at + 1)].join(''));
        break;
      case 3:
        out.push([...chars.slice(0, at), chars[at] ?? '', ...chars.slice(at)].join(''));
        break;
      default:
        out.push(text.toUpperCase().replace(/\s+/g, '  '));
        break;
    }
  }
  return out;
}

function agreement(
  data: SearchData,
  queries: string[],
  limit: number,
): { total: number; same: number; diffs: string[] } {
  const ours = loadSearcher(data);
  const plain = createPlainSearcher(data);
  const diffs: string[] = [];
  let total = 0;
  for (const q of queries) {
    const pattern = prepareQuery(q);
    if (!pattern) continue;
    total++;
    const a = ours.rank(pattern, limit);
    const b = plain.rank(pattern, limit);
    if (JSON.stringify(a) !== JSON.stringify(b)) diffs.push(`${pattern}: ${JSON.stringify(a)} vs ${JSON.stringify(b)}`);
  }
  return { total, same: total - diffs.length, diffs };
}

describe('same top results as plain Fuse', () => {
  test('real dataset: typed keystrokes and sampled names, top 5 and top 20', () => {
    const { data } = realSearch();
    const queries = [...REAL_QUERIES.flatMap(keystrokes), ...sampleQueries(data, 60, 0xa11ce)];
    const top5 = agreement(data, queries, 5);
    expect(top5.diffs).toEqual([]);
    expect(top5.total).toBeGreaterThan(150);
    expect(agreement(data, queries.slice(0, 40), 20).diffs).toEqual([]);
  }, 120_000);

  test('generated pack (real + 1,000 pseudo-entities, six languages)', () => {
    const data = generatedData(1_000);
    expect(data.records.length).toBeGreaterThan(13_000);
    const pseudoNames = data.records.filter((r) => data.entities[r[0]]!.id.startsWith('bench-'));
    const typed = LANGS.flatMap((_, k) => keystrokes(pseudoNames[(k * 977) % pseudoNames.length]![2]));
    const result = agreement(data, [...typed, ...sampleQueries(data, 30, 0xbeef)], 5);
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
