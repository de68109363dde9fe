/**
 * Where to cut a long text into pieces the engine reads one at a time (a 5 MB text node must
 * not be scanned in one task). A name never spans a line or paragraph break and rarely a
 * sentence end, so a piece ends at the first line break after `size` characters, else after
 * the first sentence end, else at the first space; a text with none of these (a run of
 * letters, CJK without punctuation) is cut at `size + SEARCH`, the only place a name may be cut.
 */

/** How far past `size` to look for a good place to cut. */
const SEARCH = 2_000;

// The block break the content script puts between blocks (U+0000) counts as a line break.
// eslint-disable-next-line no-control-regex
const LINE_BREAKS = /[\n\r\u0000\u2028\u2029]/g;
/** Sentence-final punctuation in the six languages' scripts, then a space (or a CJK full stop on its own). */
const SENTENCE_ENDS = /[.!?;؟؛](?=\s)|[。！？；]/g;
const SPACES = /\s/g;

function firstAt(re: RegExp, text: string, from: number, to: number): number {
  re.lastIndex = from;
  const m = re.exec(text);
  return m !== null && m.index < to ? m.index + m[0].length : -1;
}

/** The end of the piece of `text` that starts at `from`: `text.length` when the rest is short. */
export function pieceEnd(text: string, from: number, size: number): number {
  const at = from + size;
  if (at >= text.length) return text.length;
  const limit = Math.min(text.length, at + SEARCH);
  for (const re of [LINE_BREAKS, SENTENCE_ENDS, SPACES]) {
    const end = firstAt(re, text, at, limit);
    if (end > 0) return end;
  }
  return limit;
}
