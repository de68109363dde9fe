/**
 * The searcher's contract, shared by the same-as-fuse*.test.ts files (split so vitest runs
 * them side by side): the same ranking as a plain Fuse built at open time over every name
 * with the same options (same names, same scores, same order), only faster.
 */
import {
  createPlainSearcher,
  loadSearcher,
  prepareQuery,
  type RankedRecord,
  type SearchData,
} from '../../../lib/search';
import { createRng } from '../../../scripts/bench/prng';

/** Names as a user might type them: whole, cut short, with a letter dropped, doubled or swapped. */
export function sampleQueries(data: SearchData, count: number, seed: number): string[] {
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

/** The largest limit the tests ask of plain Fuse. */
export const MAX_LIMIT = 20;

/**
 * Plain Fuse's ranking, one full Fuse pass per distinct pattern (the pass is nearly all of the
 * suite's time): the ranking is kept at MAX_LIMIT, and the ranking at a smaller limit is its
 * prefix (PlainSearcher.rank walks the same sorted hits and stops at the limit; the files
 * check this).
 */
export function plainFuse(data: SearchData): (pattern: string, limit: number) => RankedRecord[] {
  const plain = createPlainSearcher(data);
  const ranked = new Map<string, RankedRecord[]>();
  return (pattern, limit) => {
    if (limit > MAX_LIMIT) throw new Error(`plainFuse: limit ${limit} is above MAX_LIMIT`);
    let ranking = ranked.get(pattern);
    if (!ranking) {
      ranking = plain.rank(pattern, MAX_LIMIT);
      ranked.set(pattern, ranking);
    }
    return ranking.slice(0, limit);
  };
}

/** Our searcher against plain Fuse on every query that prepares to a pattern. */
export function agreement(
  data: SearchData,
  plain: (pattern: string, limit: number) => RankedRecord[],
  queries: string[],
  limit: number,
): { total: number; same: number; diffs: string[] } {
  const ours = loadSearcher(data);
  const diffs: string[] = [];
  let total = 0;
  for (const q of queries) {
    const pattern = prepareQuery(q);
    if (!pattern) continue;
    total++;
    const a = ours.rank(pattern, limit);
    const b = plain(pattern, limit);
    if (JSON.stringify(a) !== JSON.stringify(b)) diffs.push(`${pattern}: ${JSON.stringify(a)} vs ${JSON.stringify(b)}`);
  }
  return { total, same: total - diffs.length, diffs };
}
