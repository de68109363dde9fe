/**
 * A deliberately naive matcher implementing the same rules as the engine, for property
 * tests: O(text × patterns), regular expressions instead of tables, strings instead of
 * typed arrays. It shares only normalize() (tested on its own) with the engine.
 */
import { normalize, originalSpan } from '../../../lib/text/normalize';
import {
  V_CAPITALS,
  V_CASE_EXACT,
  V_CONTEXTUAL,
  V_NAMES_ENTITY,
  V_NAMES_PARENT,
  V_NEEDS_LI,
  V_SELF_EVIDENT,
  type PatternSpec,
} from '../../../lib/match/types';

export interface RefMatch {
  start: number;
  end: number;
  /** Sorted "entity:flags" of the valid variants. */
  variants: string[];
}

const LETTER = /^[\p{L}\p{N}\p{M}]$/u;
const UNSPACED =
  /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Bopomofo}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}\p{Script=Tibetan}]$/u;

const wordMemo = new Map<string, boolean>();

/** Letter or digit of a space-separated script (surrogate halves never are). */
function isWordChar(ch: string): boolean {
  let r = wordMemo.get(ch);
  if (r === undefined) {
    const c = ch.charCodeAt(0);
    r = !(c >= 0xd800 && c <= 0xdfff) && !(c >= 0x3000 && c <= 0x30ff) && LETTER.test(ch) && !UNSPACED.test(ch);
    wordMemo.set(ch, r);
  }
  return r;
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

/**
 * The self-evidence bits of a contextual spec: whether its own text, read as a page, holds a
 * full name of its entity or of the entity's parent (by this same reference matcher).
 */
function selfEvidence(spec: PatternSpec, specs: PatternSpec[], parents: ArrayLike<number>): number {
  const holds = (e: number) =>
    e >= 0 &&
    referenceMatches(
      specs.filter((x) => x.entity === e && (x.flags & V_CONTEXTUAL) === 0),
      spec.text,
    ).length > 0;
  const parent = parents[spec.entity] ?? -1;
  return (holds(spec.entity) ? V_NAMES_ENTITY : 0) | (holds(parent) ? V_NAMES_PARENT : 0);
}

function prepare(specs: PatternSpec[], parents: ArrayLike<number>): RefPattern[] {
  const out: RefPattern[] = [];
  for (const spec of specs) {
    const folded = normalize(spec.text).text;
    const cased = normalize(spec.text, { keepCase: true }).text;
    const lead = folded.length - folded.trimStart().length;
    const norm = folded.trim();
    if (norm.length === 0 || norm.length > 600) continue;
    let flags = spec.flags & ~V_SELF_EVIDENT;
    if ((flags & V_CONTEXTUAL) !== 0) flags |= selfEvidence(spec, specs, parents);
    out.push({ norm, cased: cased.slice(lead, lead + norm.length), entity: spec.entity, flags });
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

interface Cand {
  s: number;
  e: number;
  span: [number, number];
  variants: string[];
}

/**
 * Matches of the specs in `original`: leftmost-longest over full names (and self-evident
 * contextual aliases), then contextual aliases (the longest per start) where they overlap no
 * selected full name. `parents[e]` is the parent of entity e, or -1 / absent.
 */
export function referenceMatches(specs: PatternSpec[], original: string, parents: ArrayLike<number> = []): RefMatch[] {
  return matchPrepared(prepare(specs, parents), original);
}

/**
 * referenceMatches for one set of specs over many texts: the specs are read (normalized, their
 * self-evidence found) once, as the engine compiles them once, instead of once per text.
 */
export function referenceMatcher(
  specs: PatternSpec[],
  parents: ArrayLike<number> = [],
): (original: string) => RefMatch[] {
  const patterns = prepare(specs, parents);
  return (original) => matchPrepared(patterns, original);
}

function matchPrepared(patterns: readonly RefPattern[], original: string): RefMatch[] {
  const { text: t, map } = normalize(original);
  const bestFull: Array<Cand | undefined> = [];
  const bestCtx: Array<Cand | undefined> = [];
  for (let s = 0; s < t.length; s++) {
    const byNorm = new Map<string, RefPattern[]>();
    for (const p of patterns) if (t.startsWith(p.norm, s)) byNorm.set(p.norm, [...(byNorm.get(p.norm) ?? []), p]);
    for (const [norm, group] of byNorm) {
      const e = s + norm.length;
      if (isWordChar(norm[norm.length - 1]!) && e < t.length && isWordChar(t[e]!)) continue;
      const span = originalSpan(original, map, s, e);
      const valid = group.filter((p) => variantOk(p, t, s, original, span));
      if (valid.length === 0) continue;
      const cand = { s, e, span, variants: [...new Set(valid.map((p) => `${p.entity}:${p.flags}`))].sort() };
      const best = valid.some((p) => (p.flags & V_CONTEXTUAL) === 0 || (p.flags & V_SELF_EVIDENT) !== 0)
        ? bestFull
        : bestCtx;
      if (!best[s] || best[s]!.e < e) best[s] = cand;
    }
  }
  const chosen: Cand[] = [];
  for (let s = 0; s < t.length;) {
    const c = bestFull[s];
    if (c) {
      chosen.push(c);
      s = c.e;
    } else s++;
  }
  const overlapsFull = (c: Cand) => chosen.some((f) => f.s < c.e && f.e > c.s);
  const contextual: Cand[] = [];
  for (let s = 0; s < t.length;) {
    const c = bestCtx[s];
    if (c && !overlapsFull(c)) {
      contextual.push(c);
      s = c.e;
    } else s++;
  }
  return [...chosen, ...contextual]
    .sort((a, b) => a.s - b.s)
    .map((c) => ({ start: c.span[0], end: c.span[1], variants: c.variants }));
}
