/**
 * Inverted indexes of the folded names by character and by bigram (UTF-16 code units, as
 * Fuse's bitap reads them), with the count of each gram in each name. Built when the searcher
 * loads, from the strings of Fuse's stored index: a linear pass, no Fuse work.
 */
import { myersStep } from '../text/myers';

/** Grams are counted per bucket: a char's bucket is its code unit, a bigram's a 16-bit hash. */
export const BUCKETS = 65536;

/**
 * A bigram's bucket. Two bigrams may share one: counting per bucket can only over-count what
 * a pattern and a name share (a min of sums is at least the sum of mins), so the bounds
 * derived from it stay lower bounds.
 */
function bigramBucket(a: number, b: number): number {
  return Math.imul((a << 16) | b, 0x9e3779b1) >>> 16;
}

const gramAt = (text: string, p: number, size: 1 | 2): number =>
  size === 1 ? text.charCodeAt(p) : bigramBucket(text.charCodeAt(p), text.charCodeAt(p + 1));

/** Postings in compressed rows: bucket g owns records[offsets[g] .. offsets[g + 1]). */
export interface GramIndex {
  size: 1 | 2;
  offsets: Int32Array;
  /** Record numbers, ascending within a row. */
  records: Int32Array;
  /** How often the bucket's grams occur in that record (capped at 255). */
  counts: Uint8Array;
}

/** Builds the index of every gram of size `size` (1 or 2) of each key: two linear passes. */
export function buildGramIndex(keys: readonly string[], size: 1 | 2): GramIndex {
  const last = new Int32Array(BUCKETS).fill(-1);
  const df = new Int32Array(BUCKETS);
  for (let r = 0; r < keys.length; r++) {
    const k = keys[r]!;
    for (let p = 0; p + size <= k.length; p++) {
      const g = gramAt(k, p, size);
      if (last[g] !== r) {
        last[g] = r;
        df[g]!++;
      }
    }
  }
  const offsets = new Int32Array(BUCKETS + 1);
  for (let g = 0; g < BUCKETS; g++) offsets[g + 1] = offsets[g]! + df[g]!;
  const records = new Int32Array(offsets[BUCKETS]!);
  const counts = new Uint8Array(offsets[BUCKETS]!);
  // Second pass: fill the rows in record order; `last` now holds the record's slot in a row.
  const fill = offsets.slice(0, BUCKETS);
  last.fill(-1);
  for (let r = 0; r < keys.length; r++) {
    const k = keys[r]!;
    for (let p = 0; p + size <= k.length; p++) {
      const g = gramAt(k, p, size);
      const s = last[g]!;
      if (s >= 0 && records[s] === r) {
        if (counts[s]! < 255) counts[s]!++;
      } else {
        const at = fill[g]!++;
        last[g] = at;
        records[at] = r;
        counts[at] = 1;
      }
    }
  }
  return { size, offsets, records, counts };
}

/** The distinct gram buckets of a pattern with their counts, as [bucket, count] pairs. */
export function patternGrams(pattern: string, size: 1 | 2): [number, number][] {
  const counts = new Map<number, number>();
  for (let p = 0; p + size <= pattern.length; p++) {
    const g = gramAt(pattern, p, size);
    counts.set(g, (counts.get(g) ?? 0) + 1);
  }
  return [...counts];
}

/**
 * Adds, for every record sharing a gram bucket with the pattern, min(count in pattern, count
 * in record) to acc[record] (saturating at 255); records seen for the first time (both
 * accumulators at 0) are appended to `touched`.
 */
export function accumulate(
  index: GramIndex,
  grams: [number, number][],
  acc: Uint8Array,
  other: Uint8Array,
  touched: number[],
): void {
  const { offsets, records, counts } = index;
  for (const [g, inPattern] of grams) {
    for (let j = offsets[g]!, end = offsets[g + 1]!; j < end; j++) {
      const r = records[j]!;
      const a = acc[r]!;
      if (a === 0 && other[r] === 0) touched.push(r);
      const c = counts[j]!;
      acc[r] = Math.min(255, a + (c < inPattern ? c : inPattern));
    }
  }
}

/** One block's column for editDistanceFloor (lib/text/myers.ts), reused from key to key. */
const COLUMN = new Int32Array(2);

/** Bit masks of the pattern's positions per code unit, for editDistanceFloor; reset by clearPeq. */
const PEQ = new Int32Array(65536);

export function setPeq(pattern: string): void {
  for (let i = 0; i < pattern.length; i++) PEQ[pattern.charCodeAt(i)]! |= 1 << i;
}

export function clearPeq(pattern: string): void {
  for (let i = 0; i < pattern.length; i++) PEQ[pattern.charCodeAt(i)] = 0;
}

/** Every key's code units in one buffer: key r is units[offsets[r] .. offsets[r + 1]). */
export interface PackedKeys {
  units: Uint16Array;
  offsets: Int32Array;
}

/** Packs the keys once: the edit-distance loop then reads a typed array, not strings of mixed representations. */
export function packKeys(keys: readonly string[]): PackedKeys {
  const offsets = new Int32Array(keys.length + 1);
  for (let r = 0; r < keys.length; r++) offsets[r + 1] = offsets[r]! + keys[r]!.length;
  const units = new Uint16Array(offsets[keys.length]!);
  for (let r = 0; r < keys.length; r++) {
    const k = keys[r]!;
    for (let i = 0, at = offsets[r]!; i < k.length; i++) units[at + i] = k.charCodeAt(i);
  }
  return { units, offsets };
}

/**
 * The smallest edit distance (Levenshtein, in code units) between the pattern set by setPeq
 * (m ≤ 32 units) and any substring of key r: Myers' bit-parallel algorithm (lib/text/myers.ts), one pass. A
 * bitap hit of Fuse at edit level i is such an alignment, so Fuse's level is never below it.
 *
 * Two early exits keep the answer exact where the caller needs it: once the distance reaches
 * `known` (a lower bound the caller already has) it cannot go lower; and once even the rest of
 * the key could not bring it down to `limit` (the score falls by at most one per unit), any
 * value above `limit` is as good as the true one.
 */
export function editDistanceFloor(keys: PackedKeys, r: number, m: number, known = -1, limit = m): number {
  const units = keys.units;
  const end = keys.offsets[r + 1]!;
  const last = 1 << (m - 1);
  const col = COLUMN;
  col[0] = -1;
  col[1] = 0;
  let score = m;
  let best = m;
  for (let j = keys.offsets[r]!; j < end; j++) {
    score += myersStep(col, 0, PEQ[units[j]!]!, 0, last);
    if (score < best) {
      best = score;
      if (best <= known) return best;
    } else if (best > limit && score - (end - 1 - j) > limit) return best;
  }
  return best;
}
