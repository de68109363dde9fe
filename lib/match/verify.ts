/**
 * Checks applied to a candidate the automaton found: the proclitics glued before an Arabic
 * name, and the case of acronyms and contextual aliases. Word boundaries themselves are
 * tested inline in the scan loop; these run only at pattern ends, so they may be slower.
 */
import { isArabicLetter, isWordUnit, letterCase, UPPER } from '../text/char-class';
import { FOLDED_UNIT, foldKind, KIND_MULTI, KIND_DROP } from '../text/fold-table';
import { normalizeChunk, type NormalizeCursor } from '../text/normalize';
import { startsSentence } from '../text/sentence';
import { rankOf } from './bit-rank';
import {
  G_ARABIC_START,
  G_STARTS_WITH_AL,
  V_CAPITALS,
  V_CASE_EXACT,
  V_COMMON_WORD,
  V_INITIAL_CAPITAL,
  V_NEEDS_LI,
  type Matcher,
} from './types';
import {
  classifyProcliticRun,
  MAX_PROCLITIC_RUN,
  RUN_AT_BOUNDARY,
  RUN_BEFORE_ARTICLE,
  RUN_BEFORE_BARE_NAME,
  RUN_LI,
} from './proclitics';

// Module-local copies of imported bindings (see the note in scan.ts).
const isWord = isWordUnit;
const isArabic = isArabicLetter;
const classify = classifyProcliticRun;
const MAX_RUN = MAX_PROCLITIC_RUN;
const AT_BOUNDARY = RUN_AT_BOUNDARY;
const casedIndexOf = rankOf;
const kindOf = foldKind;
const FOLDED = FOLDED_UNIT;
const MULTI = KIND_MULTI;
const DROP = KIND_DROP;
const normalizeSome = normalizeChunk;
const NEEDS_LI = V_NEEDS_LI;
const CASE_CHECKED = V_CASE_EXACT | V_CAPITALS;
const INITIAL_CAPITAL = V_INITIAL_CAPITAL;
const COMMON_WORD = V_COMMON_WORD;
const CASE_EXACT = V_CASE_EXACT;
const LI = RUN_LI;
const STARTS_WITH_AL = G_STARTS_WITH_AL;
const ARABIC_START = G_ARABIC_START;
const BEFORE_ARTICLE = RUN_BEFORE_ARTICLE;
const BEFORE_BARE_NAME = RUN_BEFORE_BARE_NAME;

/** Reusable buffers so verification allocates nothing per candidate. */
export interface VerifyScratch {
  units: Uint16Array;
  origin: Uint32Array;
  cursor: NormalizeCursor;
  run: Uint16Array;
}

export function createVerifyScratch(maxPatternLength: number): VerifyScratch {
  // A span's cased normalization can only be longer than the pattern by an expansion.
  const size = maxPatternLength * 2 + 64;
  return {
    units: new Uint16Array(size),
    origin: new Uint32Array(size),
    cursor: { i: 0, pos: 0, prevSpace: false },
    run: new Uint16Array(MAX_PROCLITIC_RUN + 1),
  };
}

/**
 * What precedes normalized position s (units in a ring buffer, floor = first position of the
 * slice): RUN_AT_BOUNDARY, a proclitic run class, or 0 when s is inside an ordinary word.
 * Only called for patterns that start with a word unit.
 */
export function precedingRunClass(
  ring: Uint16Array,
  mask: number,
  s: number,
  floor: number,
  groupFlags: number,
  scratch: VerifyScratch,
): number {
  if (s <= floor || !isWord(ring[(s - 1) & mask]!)) return AT_BOUNDARY;
  if ((groupFlags & ARABIC_START) === 0) return 0;
  let k = s - 1;
  while (k >= floor && isWord(ring[k & mask]!)) {
    if (s - k > MAX_RUN) return 0;
    k--;
  }
  const len = s - 1 - k;
  for (let j = 0; j < len; j++) {
    const u = ring[(k + 1 + j) & mask]!;
    if (!isArabic(u)) return 0;
    scratch.run[j] = u;
  }
  return classify(scratch.run, len);
}

/** Whether a variant accepts what precedes it (see proclitics.ts). */
function acceptsRun(groupFlags: number, variantFlags: number, runClass: number): boolean {
  if ((variantFlags & NEEDS_LI) !== 0) return (runClass & LI) !== 0;
  if (runClass === AT_BOUNDARY) return true;
  return (runClass & ((groupFlags & STARTS_WITH_AL) !== 0 ? BEFORE_ARTICLE : BEFORE_BARE_NAME)) !== 0;
}

function lowerUnit(u: number): number {
  const k = kindOf(u);
  return k === MULTI || k === DROP ? u : FOLDED[u]!;
}

/** Case-preserving normalization of text[oStart, oEnd) into scratch.units; returns its length. */
function casedSpan(text: string, oStart: number, oEnd: number, scratch: VerifyScratch): number {
  const c = scratch.cursor;
  c.i = oStart;
  c.pos = 0;
  c.prevSpace = false;
  while (c.i < oEnd && c.pos < scratch.units.length - 40) {
    normalizeSome(text, oEnd, scratch.units, scratch.origin, -1, c, scratch.units.length - c.pos, true);
  }
  return c.i < oEnd ? -1 : c.pos;
}

/**
 * Collects into `into` the variants of group g valid for the original span [oStart, oEnd)
 * preceded by runClass, in text of the languages langMask allows (LANG_BITS); returns how
 * many. With `into` null, stops at the first valid one.
 */
export function validVariants(
  m: Matcher,
  g: number,
  text: string,
  oStart: number,
  oEnd: number,
  runClass: number,
  scratch: VerifyScratch,
  into: Int32Array | null,
  langMask: number,
): number {
  const gFlags = m.groupFlags[g]!;
  const len = m.groupLength[g]!;
  let casedLen = -2; // computed on the first variant that needs it
  let count = 0;
  const vEnd = g + 1 + m.groupVariantExtra[g + 1]!;
  for (let v = g + m.groupVariantExtra[g]!; v < vEnd; v++) {
    if ((m.variantLangs[v]! & langMask) === 0) continue;
    const vFlags = m.variantFlags[v]!;
    if (!acceptsRun(gFlags, vFlags, runClass)) continue;
    if ((vFlags & INITIAL_CAPITAL) !== 0 && letterCase(text.charCodeAt(oStart)) !== UPPER) continue;
    if ((vFlags & COMMON_WORD) !== 0 && startsSentence(text, oStart)) continue;
    if ((vFlags & CASE_CHECKED) !== 0) {
      if (casedLen === -2) casedLen = casedSpan(text, oStart, oEnd, scratch);
      if (casedLen !== len) continue;
      // The k-th case-checking variant has the k-th pattern text in casedUnits (derived.ts).
      const from = m.casedStart[casedIndexOf(m.casedBits, m.casedRank, v)]!;
      const exact = (vFlags & CASE_EXACT) !== 0;
      // The folded units already matched: a unit can differ from the pattern's only in case,
      // which matters for an acronym, or where the pattern has a capital (lowerUnit(p) !== p).
      const units = scratch.units;
      const cased = m.casedUnits;
      let ok = true;
      for (let k = 0; k < len; k++) {
        const p = cased[from + k]!;
        if (units[k] !== p && (exact || lowerUnit(p) !== p)) {
          ok = false;
          break;
        }
      }
      if (!ok) continue;
    }
    if (into === null) return 1;
    if (count < into.length) into[count++] = v;
  }
  return count;
}
