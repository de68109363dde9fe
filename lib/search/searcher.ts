/**
 * The popup search: Fuse's own scoring, over only the names that could rank.
 *
 * A plain Fuse over every name runs its bitap on each of them per keystroke (~60k names in
 * a 10k-entity pack: hundreds of milliseconds). With our options (ignoreLocation, one string
 * key) Fuse scores a name as max(0.001, e / m) ^ n, where m is the pattern length, e the
 * edit level of bitap's first hit (at least the pattern's edit distance to any substring of
 * the name) and n the name's field norm; a name equal to the pattern scores 0, and a name
 * with e / m > threshold is not returned. Two cheap lower bounds on e come from the
 * inverted indexes (grams.ts), with C the characters and B the bigrams the pattern shares
 * with the name (multiset intersections):
 *   - every edit costs at most one matched pattern character:  e ≥ m − C
 *   - every edit breaks at most two of the m − 1 pattern bigrams: e ≥ ⌈(m − 1 − B) / 2⌉
 *   - a name of L units leaves at least m − L pattern units unmatched: e ≥ m − L
 * So each candidate gets a score floor LB = max(0.001, e_lb / m) ^ n. Candidates are walked
 * in order of (LB, record number); Myers' bit-parallel algorithm gives each the exact edit
 * distance e ≤ Fuse's level, which either confirms it at its floor or moves it to a later
 * one. The walk stops once the limit-th entity's (score, record) is below the next
 * candidate's (LB, record): no unscored name can then enter the top, and Fuse breaks score
 * ties by record number. Finally Fuse itself scores the names of the top (one FuseIndex
 * holding just them, from the stored records); if any score differed from the prediction
 * the pattern would be ranked by a full Fuse pass instead. So the result is exactly plain
 * Fuse's: same names, same scores, same order. Floors compare exactly: bitap levels are
 * integers, so a floor and a score from the same level are the same float.
 */
import Fuse, { type FuseIndex } from 'fuse.js';
import { LANGS, type Kind, type Lang } from '../dataset/basics';
import { FUSE_OPTIONS, foldedKeys, type SearchData, type SearchEntity } from './data';
import { prepareQuery, scriptRuns } from './fold';
import {
  accumulate,
  buildGramIndex,
  clearPeq,
  editDistanceFloor,
  packKeys,
  patternGrams,
  setPeq,
  type GramIndex,
} from './grams';
import { TypedOnBounds } from './typed-on';

export interface SearchHit {
  id: string;
  kind: Kind;
  /** The name or alias that matched, as written in the data. */
  matched: string;
  lang: Lang;
  /** Fuse's score: 0 is a perfect match, higher is worse. */
  score: number;
  /** Display names of the entity in the six languages. */
  names: Record<Lang, string>;
}

/** A name's place in the ranking: Fuse's score and its record number. */
export interface RankedRecord {
  record: number;
  score: number;
}

export interface Searcher {
  /** Ranked entities for what the user typed; [] for nothing searchable. Never throws. */
  search(query: string, limit?: number): SearchHit[];
  /**
   * Best name per entity for an already prepared pattern (prepareQuery), best first: exactly
   * plain Fuse's ranking over all names with FUSE_OPTIONS, cut after `limit` entities.
   */
  rank(pattern: string, limit: number): RankedRecord[];
  /** Number of searchable names. */
  readonly size: number;
  readonly data: SearchData;
}

/** Fuse's accepted edit levels: the largest e < m with e / m ≤ threshold, as bitap computes it. */
function maxErrors(m: number): number {
  let k = 0;
  while (k + 1 < m && (k + 1) / m <= FUSE_OPTIONS.threshold) k++;
  return k;
}

/** The ranking kept while scoring: the best name of up to `limit` entities, ordered by (score, record). */
class Top {
  readonly list: (RankedRecord & { entity: number })[] = [];
  constructor(private readonly limit: number) {}
  offer(record: number, score: number, entity: number): void {
    const list = this.list;
    const before = (a: RankedRecord, b: RankedRecord): boolean =>
      a.score < b.score || (a.score === b.score && a.record < b.record);
    const item = { record, score, entity };
    const existing = list.findIndex((x) => x.entity === entity);
    if (existing >= 0) {
      if (!before(item, list[existing]!)) return;
      list.splice(existing, 1);
    } else if (list.length >= this.limit && !before(item, list[list.length - 1]!)) return;
    let at = list.length;
    while (at > 0 && before(item, list[at - 1]!)) at--;
    list.splice(at, 0, item);
    if (list.length > this.limit) list.pop();
  }
  /** Whether nothing scoring at least `floor` from record `record` on could still enter. */
  closedAt(floor: number, record: number): boolean {
    if (this.list.length < this.limit) return false;
    const last = this.list[this.list.length - 1]!;
    return last.score < floor || (last.score === floor && last.record < record);
  }
}

/** Builds the searcher from stored search data: Fuse.parseIndex, no re-indexing. */
export function loadSearcher(data: SearchData): Searcher {
  const keys = foldedKeys(data);
  const stored = data.index.records;
  const entityOf = Int32Array.from(data.records, (r) => r[0]);
  const n = keys.length;
  // One Fuse over a FuseIndex whose records we swap for each batch of candidates.
  const batchIndex: FuseIndex<string> = Fuse.parseIndex<string>(
    { keys: [], records: [] },
    { fieldNormWeight: FUSE_OPTIONS.fieldNormWeight },
  );
  const fuse = new Fuse<string>(keys, FUSE_OPTIONS, batchIndex);
  const chars: GramIndex = buildGramIndex(keys, 1);
  const bigrams: GramIndex = buildGramIndex(keys, 2);
  const norms = [...new Set(stored.map((s) => s.n))].sort((a, b) => b - a);
  const normClass = Uint8Array.from(stored, (s) => norms.indexOf(s.n));
  if (norms.length > 255) throw new Error('search data: too many distinct field norms');
  const charAcc = new Uint8Array(n);
  const bigramAcc = new Uint8Array(n);
  const group = new Int16Array(n).fill(-1);
  /** Each name's lower bound on its edit distance to the pattern (set per query for the touched ones). */
  const bound = new Int8Array(n);
  const packed = packKeys(keys);
  const typedOn = new TypedOnBounds(n);

  function rank(pattern: string, limit: number): RankedRecord[] {
    return rankWith(pattern, limit, true);
  }

  /** rank(); `remember` lets this pattern's bounds serve the next keystroke (not for the parts of a mixed query). */
  function rankWith(pattern: string, limit: number, remember: boolean): RankedRecord[] {
    const m = pattern.length;
    if (m === 0 || limit <= 0 || n === 0) return [];
    const k = maxErrors(m);
    const top = new Top(limit);
    // Character and bigram overlaps of every name that shares something with the pattern.
    const touched: number[] = [];
    const useChars = Math.ceil((m - 1) / 2) <= k; // else a candidate must share a bigram
    if (useChars) accumulate(chars, patternGrams(pattern, 1), charAcc, bigramAcc, touched);
    if (m >= 2) accumulate(bigrams, patternGrams(pattern, 2), bigramAcc, charAcc, touched);
    const earlier = typedOn.begin(remember ? pattern : null);

    // Score floor of each (edit bound, norm class); classes with equal floors share a group.
    const classes = norms.length;
    const floorOf = new Float64Array((k + 1) * classes);
    for (let e = 0; e <= k; e++)
      for (let c = 0; c < classes; c++) floorOf[e * classes + c] = Math.pow(Math.max(0.001, e / m), norms[c]!);
    const floors = [...new Set(floorOf)].sort((a, b) => a - b);
    const groupOf = Int16Array.from(floorOf, (f) => floors.indexOf(f));
    const sizes = new Int32Array(floors.length + 1);
    const { offsets } = packed;
    let candidates = 0;
    const equal: number[] = [];
    for (let i = 0; i < touched.length; i++) {
      const r = touched[i]!;
      // The largest of the bounds above; ⌈(m − 1 − B) / 2⌉ is ⌊(m − B) / 2⌋.
      let e = m - (offsets[r + 1]! - offsets[r]!);
      if (useChars && m - charAcc[r]! > e) e = m - charAcc[r]!;
      if (m >= 2 && (m - bigramAcc[r]!) >> 1 > e) e = (m - bigramAcc[r]!) >> 1;
      charAcc[r] = 0;
      bigramAcc[r] = 0;
      if (earlier) {
        const before = earlier.stamp[r] === earlier.gen ? earlier.bound[r]! : earlier.untouched;
        if (before > e) e = before;
      }
      bound[r] = e;
      if (e === 0 && keys[r] === pattern) equal.push(r);
      else if (e <= k) {
        const g = groupOf[e * classes + normClass[r]!]!;
        group[r] = g;
        sizes[g + 1]!++;
        candidates++;
      }
    }
    // Order candidates by (group, record): counting sort over record order.
    for (let g = 0; g < floors.length; g++) sizes[g + 1]! += sizes[g]!;
    const order = new Int32Array(candidates);
    const fill = sizes.slice(0, floors.length);
    const place = (r: number): void => {
      const g = group[r]!;
      if (g >= 0) {
        order[fill[g]!++] = r;
        group[r] = -1;
      }
    };
    if (touched.length * 16 > n) for (let r = 0; r < n; r++) place(r);
    else for (const r of Int32Array.from(touched).sort()) place(r);

    // Names equal to the pattern score 0. Then walk the groups in floor order, each group in
    // record order; a candidate's exact edit floor (Myers) either keeps it in the group, where
    // its score is the group's floor, or moves it to a later group.
    for (const r of equal.sort((a, b) => a - b)) top.offer(r, 0, entityOf[r]!);
    const deferred: number[][] = floors.map(() => []);
    setPeq(pattern);
    try {
      walk: for (let g = 0; g < floors.length; g++) {
        const floor = floors[g]!;
        const moved = Int32Array.from(deferred[g]!).sort();
        let a = sizes[g]!;
        const aEnd = sizes[g + 1]!;
        let b = 0;
        while (a < aEnd || b < moved.length) {
          const fromMoved = b < moved.length && (a >= aEnd || moved[b]! < order[a]!);
          const r = fromMoved ? moved[b++]! : order[a++]!;
          if (top.closedAt(floor, r)) break walk;
          if (!fromMoved) {
            // The worst edit level at which r could still enter the top: the top only gets
            // better, so a name beyond it now never enters, and Myers may stop early on it.
            const c = normClass[r]!;
            let limit = k;
            while (limit > bound[r]! && top.closedAt(floorOf[limit * classes + c]!, r)) limit--;
            const e = editDistanceFloor(packed, r, m, bound[r]!, limit);
            // Above the limit the floor only says "more than the limit".
            bound[r] = e > limit ? limit + 1 : e;
            if (e > limit) continue;
            const g2 = groupOf[e * classes + c]!;
            if (g2 !== g) {
              deferred[g2]!.push(r);
              continue;
            }
          }
          top.offer(r, floor, entityOf[r]!);
        }
      }
    } finally {
      clearPeq(pattern);
    }
    // A name that shares no gram is at least this far: no character, or (bigrams only) no bigram.
    if (remember) typedOn.end(pattern, touched, bound, useChars ? m : Math.ceil((m - 1) / 2));
    return verified(pattern, top.list, limit);
  }

  /**
   * Fuse's own scores for the ranked names. The walk predicted each score from an edit floor
   * that Fuse's bitap level can only exceed, so a name outside the top can only be worse than
   * predicted; a name inside is checked here. On any disagreement (none is known) the pattern
   * is ranked by Fuse over every name instead.
   */
  function verified(pattern: string, list: readonly RankedRecord[], limit: number): RankedRecord[] {
    const actual = new Map<number, number>();
    batchIndex.setIndexRecords(list.map((x) => stored[x.record]!));
    for (const h of fuse.search(pattern)) actual.set(h.refIndex, h.score ?? 1);
    if (list.every((x) => actual.get(x.record) === x.score))
      return list.map(({ record, score }) => ({ record, score }));
    const all = new Top(limit);
    batchIndex.setIndexRecords(stored);
    for (const h of fuse.search(pattern)) all.offer(h.refIndex, h.score ?? 1, entityOf[h.refIndex]!);
    return all.list.map(({ record, score }) => ({ record, score }));
  }

  function hit(r: RankedRecord): SearchHit {
    const [entity, lang, text] = data.records[r.record]!;
    const e: SearchEntity = data.entities[entity]!;
    return { id: e.id, kind: e.kind, matched: text, lang: LANGS[lang] ?? 'en', score: r.score, names: e.names };
  }

  function search(query: string, limit = 20): SearchHit[] {
    try {
      const max = Number.isFinite(limit) ? Math.max(0, Math.min(Math.floor(limit), 1000)) : 20;
      const pattern = prepareQuery(query);
      if (!pattern || max === 0) return [];
      const ranked = rank(pattern, max);
      const runs = scriptRuns(pattern);
      if (runs.length === 0) return ranked.map(hit);
      // Mixed scripts ("潘基文 ban"): also rank each one-script part; keep each entity's best.
      const best = new Map<number, RankedRecord>();
      for (const list of [ranked, ...runs.map((run) => rankWith(run, max, false))]) {
        for (const r of list) {
          const e = entityOf[r.record]!;
          const had = best.get(e);
          if (!had || r.score < had.score || (r.score === had.score && r.record < had.record)) best.set(e, r);
        }
      }
      return [...best.values()]
        .sort((a, b) => a.score - b.score || a.record - b.record)
        .slice(0, max)
        .map(hit);
    } catch {
      return [];
    }
  }

  return { search, rank, size: n, data };
}
