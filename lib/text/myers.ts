/**
 * One text character of Myers' bit-parallel edit distance (G. Myers, "A fast bit-vector
 * algorithm for approximate string matching based on dynamic programming", J. ACM 46(3), 1999),
 * in the block form of H. Hyyrö ("A bit-vector algorithm for computing Levenshtein and Damerau
 * edit distances", 2003), for one block of up to 32 pattern rows. Shared by quote re-anchoring
 * (annotations/approximate.ts, blocks chained for long quotes) and search's exact edit floor
 * (search/grams.ts, one block).
 *
 * The block's column state is two words in `col` at `at`: col[at] = pv (rows whose vertical
 * delta is +1), col[at + 1] = mv (rows whose delta is -1). A fresh block starts at pv = -1, mv = 0.
 */

/**
 * Advances the block by one text character. `eq` has bit i set where pattern row i is that
 * character; `hin` is the horizontal delta entering the block's first row (0: a match may start
 * at any text position; +1: it must start at the first; or the delta out of the block above);
 * `high` is the bit of the block's last row. Returns the delta out of that row (+1, 0 or -1),
 * i.e. how the distance at the block's last row changed.
 */
export function myersStep(col: Int32Array, at: number, eq: number, hin: number, high: number): number {
  const p = col[at]!;
  const m = col[at + 1]!;
  const xv = eq | m;
  if (hin < 0) eq |= 1;
  const xh = ((((eq & p) + p) | 0) ^ p) | eq;
  let ph = m | ~(xh | p);
  let mh = p & xh;
  const hout = ph & high ? 1 : mh & high ? -1 : 0;
  ph <<= 1;
  mh <<= 1;
  if (hin < 0) mh |= 1;
  else if (hin > 0) ph |= 1;
  col[at] = mh | ~(xv | ph);
  col[at + 1] = ph & xv;
  return hout;
}

/** A fresh column for `blocks` blocks: every row +1 (the distance grows down the first column). */
export function freshColumn(blocks: number): Int32Array {
  const col = new Int32Array(2 * blocks);
  for (let b = 0; b < blocks; b++) col[2 * b] = -1;
  return col;
}
