/**
 * A deliberately naive matcher implementing the same rules as the engine, for property
 * tests: O(text × patterns), regular expressions instead of tables, strings instead of
 * typed arrays. It shares only normalize() (tested on its own) with the engine.
 */
import { normalize, originalSpan } from '../../../lib/text/normalize';
import { V_CAPITALS, V_CASE_EXACT, V_NEEDS_LI, type PatternSpec } from '../../../lib/match/types';

export interface RefMatch {
  start: number;
  end: number;
  /** Sorted "entity:flags" of the valid variants. */
  variants: string[];
}

const LETTER = /^[\p{L}\p{N}\p{M}]$/u;
const UNSPACED = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Bopomofo}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}\p{Script=Tibetan}]$/u;

/** Letter or digit of a space-separated script (surrogate halves never are). */
function isWordChar(ch: string): boolean {
  const c = ch.charCodeAt(0);
  if (c >= 0xd800 && c <= 0xdfff) return false;
  if (c >= 0x3000 && c <= 0x30ff) return false;
  return LETTER.test(ch) && !UNSPACED.test(ch);
}

const isArabicLetter = (ch: string): boolean => /^[\u0620-\u064a\u066e-\u06d3\u06fa-\u06ff]$/.test(ch);

const BEFORE_BARE = /^(?:[وف]?[بلك]?(?:ال)?|[وف]?لل)$/;
const BEFORE_ARTICLE = /^[وف]?[بك]?$/;
const LI = /^[وف]?ل$/;

interface RefPattern {
  norm: string;
  cased: string;
  entity: number;
  flags: number;
}

function prepare(specs: PatternSpec[]): RefPattern[] {
  const out: RefPattern[] = [];
  for (const spec of specs) {
    const folded = normalize(spec.text).text;
    const cased = normalize(spec.text, { keepCase: true }).text;
    const lead = folded.length - folded.trimStart().length;
    const norm = folded.trim();
    if (norm.length === 0 || norm.length > 600) continue;
    out.push({ norm, cased: cased.slice(lead, lead + norm.length), entity: spec.entity, flags: spec.flags });
  }
  return out;
}

/** The glued run before s: '' at a boundary, the run if it is Arabic letters after a boundary, null otherwise. */
function gluedRun(t: string, s: number): string | null {
  let k = s;
  while (k > 0 && isWordChar(t[k - 1]!)) k--;
  const run = t.slice(k, s);
  if (run.length === 0) return '';
  if (run.length > 4 || ![...run].every(isArabicLetter)) return null;
  return run;
}

function variantOk(p: RefPattern, t: string, s: number, original: string, span: [number, number]): boolean {
  const first = p.norm[0]!;
  if (isWordChar(first)) {
    const run = gluedRun(t, s);
    if (run === null) return false;
    if ((p.flags & V_NEEDS_LI) !== 0) {
      if (!LI.test(run)) return false;
    } else if (run !== '') {
      if (!isArabicLetter(first)) return false;
      const article = p.norm.length > 2 && p.norm.startsWith('ال');
      if (!(article ? BEFORE_ARTICLE : BEFORE_BARE).test(run)) return false;
    }
  } else if ((p.flags & V_NEEDS_LI) !== 0) {
    return false;
  }
  if ((p.flags & (V_CASE_EXACT | V_CAPITALS)) !== 0) {
    const seen = normalize(original.slice(span[0], span[1]), { keepCase: true }).text;
    if (seen.length !== p.norm.length) return false;
    for (let k = 0; k < seen.length; k++) {
      const upper = p.cased[k] !== p.norm[k];
      if (((p.flags & V_CASE_EXACT) !== 0 || upper) && seen[k] !== p.cased[k]) return false;
    }
  }
  return true;
}

/** Leftmost-longest valid matches of the specs in `original`. */
export function referenceMatches(specs: PatternSpec[], original: string): RefMatch[] {
  const patterns = prepare(specs);
  const { text: t, map } = normalize(original);
  const out: RefMatch[] = [];
  let s = 0;
  while (s < t.length) {
    let best: { e: number; variants: string[]; span: [number, number] } | null = null;
    const byNorm = new Map<string, RefPattern[]>();
    for (const p of patterns) if (t.startsWith(p.norm, s)) byNorm.set(p.norm, [...(byNorm.get(p.norm) ?? []), p]);
    for (const [norm, group] of byNorm) {
      const e = s + norm.length;
      if (best && e <= best.e) continue;
      if (isWordChar(norm[norm.length - 1]!) && e < t.length && isWordChar(t[e]!)) continue;
      const span = originalSpan(original, map, s, e);
      const valid = group.filter((p) => variantOk(p, t, s, original, span));
      if (valid.length === 0) continue;
      best = { e, span, variants: [...new Set(valid.map((p) => `${p.entity}:${p.flags}`))].sort() };
    }
    if (best) {
      out.push({ start: best.span[0], end: best.span[1], variants: best.variants });
      s = best.e;
    } else {
      s++;
    }
  }
  return out;
}
