/**
 * Approximate string search for re-anchoring quotes on edited pages: Myers' bit-parallel
 * edit distance (lib/text/myers.ts), blocks chained so patterns longer than 32 characters work.
 * One pass costs (text length × ⌈pattern length / 32⌉) word operations and no memory per text
 * character; callers bound the text range and the pattern length.
 */
import { freshColumn, myersStep } from '../text/myers';

const WORD = 32;

export interface ApproxMatch {
  start: number;
  end: number;
  /** Levenshtein distance between the pattern and text[start, end). */
  errors: number;
}

/** Match masks of a pattern: bit i of block b is set where pattern[32b + i] is the character. */
interface Masks {
  length: number;
  blocks: number;
  /** Character code → row of `table` (0: a character the pattern does not contain). */
  index: Uint16Array;
  table: Int32Array;
  /** The bit of the pattern's last character in the last block. */
  lastBit: number;
}

function masksOf(pattern: string): Masks {
  const length = pattern.length;
  if (length === 0 || length >= 0xffff) throw new RangeError('pattern length out of range');
  const blocks = Math.ceil(length / WORD);
  const index = new Uint16Array(0x10000);
  let rows = 0;
  for (let i = 0; i < length; i++) {
    const c = pattern.charCodeAt(i);
    if (index[c] === 0) index[c] = ++rows;
  }
  const table = new Int32Array((rows + 1) * blocks);
  for (let i = 0; i < length; i++) table[index[pattern.charCodeAt(i)]! * blocks + (i >> 5)]! |= 1 << (i & 31);
  return { length, blocks, index, table, lastBit: 1 << ((length - 1) & 31) };
}

/**
 * Advances every block by one text character `c`; `top` is the horizontal delta entering the
 * first block (0 when the match may start anywhere, +1 when it must start at the first column).
 * Returns the delta of the pattern's last row, i.e. how the distance changed.
 */
function advance(masks: Masks, col: Int32Array, c: number, top: number): number {
  const { blocks, table } = masks;
  const row = masks.index[c]! * blocks;
  let h = top;
  for (let b = 0; b < blocks; b++)
    h = myersStep(col, 2 * b, table[row + b]!, h, b === blocks - 1 ? masks.lastBit : 1 << 31);
  return h;
}

/**
 * Calls `found(end, errors)` once per run of consecutive text positions where the pattern ends
 * with at most `maxErrors` errors, with the best position of the run. `found` returns the error
 * bound to use from then on (callers tighten it to keep only the best candidates).
 */
function scanEnds(
  text: string,
  masks: Masks,
  maxErrors: number,
  from: number,
  to: number,
  found: (end: number, errors: number) => number,
): void {
  let k = maxErrors;
  let score = masks.length;
  let runEnd = -1;
  let runBest = 0;
  const col = freshColumn(masks.blocks);
  for (let j = from; j < to; j++) {
    score += advance(masks, col, text.charCodeAt(j), 0);
    if (score <= k) {
      if (runEnd < 0 || score < runBest) {
        runEnd = j + 1;
        runBest = score;
      }
    } else if (runEnd >= 0) {
      k = found(runEnd, runBest);
      runEnd = -1;
    }
  }
  if (runEnd >= 0) found(runEnd, runBest);
}

/**
 * Where the best alignment of `pattern` ending at `end` starts: the pattern is aligned backwards
 * from `end` (reversed pattern, text read right to left, anchored at `end`). Among equally good
 * starts, the one giving a length closest to the pattern's wins.
 */
function bestStart(text: string, reversed: Masks, end: number, maxErrors: number): ApproxMatch {
  const m = reversed.length;
  const col = freshColumn(reversed.blocks);
  let score = m;
  let best = m;
  let bestLength = 0;
  const longest = Math.min(end, m + maxErrors);
  for (let j = 1; j <= longest; j++) {
    score += advance(reversed, col, text.charCodeAt(end - j), 1);
    if (score < best || (score === best && Math.abs(j - m) < Math.abs(bestLength - m))) {
      best = score;
      bestLength = j;
    }
  }
  return { start: end - bestLength, end, errors: best };
}

function reverse(s: string): string {
  let out = '';
  for (let i = s.length - 1; i >= 0; i--) out += s[i];
  return out;
}

/**
 * Approximate occurrences of `pattern` in text[from, to) with at most `maxErrors` errors, at most
 * `limit` of them (the ones with the fewest errors, then the earliest), in text order.
 */
export function findApproximate(
  text: string,
  pattern: string,
  maxErrors: number,
  from = 0,
  to = text.length,
  limit = 64,
): ApproxMatch[] {
  const masks = masksOf(pattern);
  let ends: { end: number; errors: number }[] = [];
  const keepBest = () => {
    ends.sort((a, b) => a.errors - b.errors || a.end - b.end);
    ends = ends.slice(0, limit);
  };
  scanEnds(text, masks, maxErrors, Math.max(0, from), Math.min(text.length, to), (end, errors) => {
    ends.push({ end, errors });
    if (ends.length < 2 * limit) return maxErrors;
    keepBest();
    // Only candidates strictly better than the worst one kept can still enter.
    return ends[ends.length - 1]!.errors - 1;
  });
  keepBest();
  const reversed = masksOf(reverse(pattern));
  return ends.map(({ end, errors }) => bestStart(text, reversed, end, errors)).sort((a, b) => a.start - b.start);
}
