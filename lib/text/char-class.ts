/**
 * Character classes for word boundaries, looked up per normalized UTF-16 unit.
 *
 * A "word unit" is a letter, digit or mark of a script written with spaces between words
 * (Latin, Cyrillic, Arabic, Greek, Hangul, ...). Scripts written without spaces (Han, kana,
 * Thai, ...) are not word units: a CJK name may match inside a run of Han characters, and a
 * Latin acronym glued to Chinese text ("联合国UNESCO") still has a boundary on its Chinese side.
 *
 * Surrogates are never word units: supplementary-plane letters are rare in the six languages
 * (their Han characters are CJK anyway), and classifying by unit keeps the check O(1).
 */

const CLASS = new Uint8Array(0x10000); // 0 unknown, 1 not a word unit, 2 word unit
/** The lazily filled class table, for hot loops: 0 = call wordClass(u), 2 = word unit. */
export const WORD_CLASS_TABLE: Uint8Array = CLASS;
export const CLASS_WORD = 2;
const LETTER_OR_DIGIT = /^[\p{L}\p{N}\p{M}]$/u;
const UNSPACED_SCRIPT =
  /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Bopomofo}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}\p{Script=Tibetan}]$/u;

function computeClass(u: number): number {
  if (u >= 0xd800 && u <= 0xdfff) return 1;
  const ch = String.fromCharCode(u);
  if (!LETTER_OR_DIGIT.test(ch)) return 1;
  if (UNSPACED_SCRIPT.test(ch) || (u >= 0x3000 && u <= 0x30ff)) return 1;
  return 2;
}

/** Class of a unit (1 or 2), computing and caching it. */
export function wordClass(u: number): number {
  let k = CLASS[u]!;
  if (k === 0) {
    k = computeClass(u);
    CLASS[u] = k;
  }
  return k;
}

/** True if the unit is a letter/digit/mark of a space-separated script. */
export function isWordUnit(u: number): boolean {
  return wordClass(u) === 2;
}

/** True for Arabic-script letters (proclitics attach to them). */
export function isArabicLetter(u: number): boolean {
  return (u >= 0x0620 && u <= 0x064a) || (u >= 0x066e && u <= 0x06d3) || (u >= 0x06fa && u <= 0x06ff);
}

/** True for Cyrillic letters. */
export function isCyrillic(u: number): boolean {
  return u >= 0x0400 && u <= 0x04ff;
}

export const NOT_LETTER = 1;
export const UPPER = 2;
export const LOWER = 3;
/** Per code unit, its letterCase (0: not computed yet). */
const LETTER_CASE = new Uint8Array(0x10000);

/** A character with distinct cases is a letter; lower-case unless it equals its upper case. */
export function letterCaseOf(ch: string): number {
  if (ch.toLowerCase() === ch.toUpperCase()) return NOT_LETTER;
  return ch !== ch.toUpperCase() ? LOWER : UPPER;
}

/** letterCaseOf for one UTF-16 unit, computed once per unit: UPPER, LOWER or NOT_LETTER. */
export function letterCase(u: number): number {
  let k = LETTER_CASE[u]!;
  if (k === 0) {
    k = letterCaseOf(String.fromCharCode(u));
    LETTER_CASE[u] = k;
  }
  return k;
}

// Prime ASCII.
for (let u = 0; u < 0x80; u++) isWordUnit(u);
