/**
 * Checks on a match in its context, after the automaton found it: matches a reader would not
 * call a name are dropped before they become mentions or evidence.
 *
 * Chinese is written without spaces, so a name can sit inside a longer word: 马里 (Mali) in
 * 超级马里奥 (Super Mario), 海地 (Haiti) in 沿海地区 (coastal areas). A match whose start or end
 * falls inside a word, as Intl.Segmenter('zh', word) segments the text around it, is dropped.
 * The match itself may span several words (联合国 + 秘书长): only its two ends are checked, and
 * only where a Han character sits on both sides of an end.
 */

function isHan(c: number): boolean {
  return (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0xf900 && c <= 0xfaff);
}

/** How much text around the match the segmenter sees (a word is rarely longer). */
const WINDOW = 12;

let segmenter: Intl.Segmenter | null | undefined;

function zhSegmenter(): Intl.Segmenter | null {
  if (segmenter === undefined) segmenter = typeof Intl.Segmenter === 'function' ? new Intl.Segmenter('zh', { granularity: 'word' }) : null;
  return segmenter;
}

/** True when the match [s, e) of `text` starts or ends inside a Chinese word. */
export function splitsChineseWord(text: string, s: number, e: number): boolean {
  const startInside = s > 0 && isHan(text.charCodeAt(s - 1)) && isHan(text.charCodeAt(s));
  const endInside = e < text.length && isHan(text.charCodeAt(e)) && isHan(text.charCodeAt(e - 1));
  if (!startInside && !endInside) return false;
  const seg = zhSegmenter();
  if (!seg) return false;
  const from = Math.max(0, s - WINDOW);
  const to = Math.min(text.length, e + WINDOW);
  let startOk = !startInside;
  let endOk = !endInside;
  for (const part of seg.segment(text.slice(from, to))) {
    const at = from + part.index;
    if (at === s) startOk = true;
    if (at === e) endOk = true;
    if (at > e) break;
  }
  return !startOk || !endOk;
}
