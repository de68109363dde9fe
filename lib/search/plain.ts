/**
 * The baseline the searcher must agree with: a plain Fuse built when the popup opens, over
 * every folded name, with the same options, scanning all names per keystroke. Used by the
 * tests (same top results) and the bench (how much faster the searcher is).
 */
import Fuse from 'fuse.js';
import { FUSE_OPTIONS, foldedKeys, type SearchData } from './data';
import type { RankedRecord } from './searcher';

export interface PlainSearcher {
  /** Best name per entity, best first, cut after `limit` entities (same contract as Searcher.rank). */
  rank(pattern: string, limit: number): RankedRecord[];
  /** Milliseconds spent building the Fuse index. */
  readonly buildMs: number;
}

export function createPlainSearcher(data: SearchData): PlainSearcher {
  const keys = foldedKeys(data);
  const t0 = performance.now();
  const fuse = new Fuse<string>(keys, FUSE_OPTIONS);
  const buildMs = performance.now() - t0;
  return {
    buildMs,
    rank(pattern, limit) {
      if (!pattern || limit <= 0) return [];
      const seen = new Set<number>();
      const out: RankedRecord[] = [];
      for (const hit of fuse.search(pattern)) {
        const entity = data.records[hit.refIndex]![0];
        if (seen.has(entity)) continue;
        seen.add(entity);
        out.push({ record: hit.refIndex, score: hit.score ?? 1 });
        if (out.length === limit) break;
      }
      return out;
    },
  };
}
