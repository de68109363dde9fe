/**
 * A per-matcher lookup table that fuses normalization with the automaton's alphabet: one
 * read per character of page text gives both the folded unit and its alphabet index, so the
 * scan loop normalizes on the fly without a separate pass or buffer.
 *
 * Entry for code unit c (Int32, filled lazily, 0 = not computed yet):
 *   > 0  the character folds to exactly one unit:
 *        (1 << 30) | (word unit ? UNIT_WORD : 0) | (alphabetIndex << 16) | unit;
 *        an alphabet index too big for 13 bits is stored as ALPHA_LOOKUP (read alphaIndex).
 *   < 0  -kind for the characters the loop handles specially (space, dropped, expanding, и).
 * Derived only from fold-table.ts, so it agrees with normalize() by construction.
 */
import { isWordUnit } from '../text/char-class';
import { FOLDED_UNIT, foldKind, KIND_SINGLE } from '../text/fold-table';
import type { Matcher } from './types';

export const ALPHA_LOOKUP = 0x1fff;
/** Set when the folded unit is a word unit (char-class.ts), so the scan needs no class lookup. */
export const UNIT_WORD = 1 << 29;
const MARK = 1 << 30;

const tables = new WeakMap<Matcher, Int32Array>();

/** The table of a matcher (256 KB, created on first use and kept while the matcher lives). */
export function unitTableOf(m: Matcher): Int32Array {
  let t = tables.get(m);
  if (!t) {
    t = new Int32Array(0x10000);
    tables.set(m, t);
  }
  return t;
}

/** Computes and stores the entry of code unit c. */
export function fillUnitEntry(table: Int32Array, alphaIndex: Uint16Array, c: number): number {
  const kind = foldKind(c);
  let entry: number;
  if (kind === KIND_SINGLE) {
    const u = FOLDED_UNIT[c]!;
    const a = alphaIndex[u]!;
    entry = MARK | (isWordUnit(u) ? UNIT_WORD : 0) | (Math.min(a, ALPHA_LOOKUP) << 16) | u;
  } else {
    entry = -kind;
  }
  table[c] = entry;
  return entry;
}
