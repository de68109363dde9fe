/**
 * The scan loop: normalizes the text on the fly (one table read per character, see
 * unit-table.ts; same rules as normalize(), which the patterns went through), runs the
 * automaton, checks word boundaries at pattern ends, and hands candidates to the online
 * selection (selection.ts: leftmost-longest full names, then contextual aliases in the gaps). The last units are kept in a small ring buffer for
 * look-back (start boundaries, Arabic proclitics, original offsets).
 *
 * Time is linear in the text (plus the patterns ending at each position, bounded by the
 * pattern length); memory is O(max pattern length).
 *
 * Inside a word the automaton mostly idles: a pattern that starts with a word unit may not
 * start inside a word (collect rejects it), except an Arabic name after its proclitics, at
 * most MAX_PROCLITIC_RUN units into an Arabic word. So a state whose string starts inside the
 * current word, past that allowance, is dropped for the root (its failure chain only holds
 * shorter suffixes, which start further in), and from the root the rest of the word costs
 * no transition at all. The state's depth, kept in its fail word, says where it starts.
 * Measured on a 100k-alias matcher, where every transition is likely a cache miss.
 */
import { CLASS_WORD, isArabicLetter, WORD_CLASS_TABLE, wordClass } from '../text/char-class';
import { COMBINING_BREVE, KIND_CYRILLIC_I, KIND_DROP, KIND_SPACE, multiExpansion } from '../text/fold-table';
import { originalCharEnd } from '../text/normalize';
import { FAIL_DEPTH_CAP, FAIL_DEPTH_SHIFT, FAIL_HAS_OUTPUT, FAIL_LINK_MASK, NODE_STRIDE } from './automaton-build';
import { nextPow2, rankOf } from './bit-rank';
import { MAX_PROCLITIC_RUN, RUN_AT_BOUNDARY } from './proclitics';
import { G_START_BOUNDARY, type Matcher } from './types';
import { ALL_LANGS, type LanguageRuns } from '../lang/runs';
import { ALPHA_LOOKUP, fillUnitEntry, UNIT_WORD, unitTableOf } from './unit-table';
import { ADVANCE_BATCH, Selection, TIER_FULL, type MatchSink } from './selection';
import { precedingRunClass } from './verify';

export type { MatchSink } from './selection';

// Imported constants copied to module locals: transpilers (vitest, tsx) may turn every
// access to an imported binding into a getter call, far too slow for a per-character loop.
const HAS_OUTPUT = FAIL_HAS_OUTPUT;
const STRIDE = NODE_STRIDE; // nodes[STRIDE*s] base, +1 check, +2 fail word
const LINK_MASK = FAIL_LINK_MASK;
const WORD = CLASS_WORD;
const AT_BOUNDARY = RUN_AT_BOUNDARY;
const START_BOUNDARY = G_START_BOUNDARY;
const ALL = ALL_LANGS;
const FULL = TIER_FULL;
const BATCH = ADVANCE_BATCH;
const classOf = wordClass;
const charEnd = originalCharEnd;
const runBefore = precedingRunClass;
const groupAt = rankOf; // the group ending at a terminal state is its rank (automaton-build.ts)
const fillEntry = fillUnitEntry;
const multiOf = multiExpansion;
const ALPHA_MASK = ALPHA_LOOKUP;
const NEG_SPACE = -KIND_SPACE;
const NEG_DROP = -KIND_DROP;
const NEG_CYRILLIC_I = -KIND_CYRILLIC_I;
const BREVE = COMBINING_BREVE;
const DEPTH_SHIFT = FAIL_DEPTH_SHIFT;
const DEPTH_CAP = FAIL_DEPTH_CAP;
const WORD_BIT = UNIT_WORD;
const MAX_RUN = MAX_PROCLITIC_RUN;
const arabicLetter = isArabicLetter;

/**
 * Offers the candidates for every pattern ending at normalized position q in `state` (its
 * own and those on its failure chain). The caller already checked the end boundary: all of
 * them end with the same unit, the one just read.
 */
function collect(
  sel: Selection,
  m: Matcher,
  text: string,
  ringU: Uint16Array,
  ringO: Uint32Array,
  mask: number,
  state: number,
  q: number,
  langs: LanguageRuns | null,
): void {
  const nodes = m.nodes;
  const skipBelow = sel.skipBelow();
  for (let t = state; (nodes[STRIDE * t + 2]! & HAS_OUTPUT) !== 0; t = nodes[STRIDE * t + 2]! & LINK_MASK) {
    if (nodes[STRIDE * t + 2]! >= 0) continue; // not terminal itself: a suffix further down the chain is
    const g = groupAt(m.terminalBits, m.terminalRank, t);
    const s = q - m.groupLength[g]!;
    if (s < skipBelow) continue;
    const flags = m.groupFlags[g]!;
    let run = AT_BOUNDARY;
    if ((flags & START_BOUNDARY) !== 0) {
      run = runBefore(ringU, mask, s, 0, flags, sel.scratch);
      if (run === 0) continue;
    }
    const oStart = ringO[s & mask]!;
    const oEnd = charEnd(text, ringO[(q - 1) & mask]!);
    const lang = langs === null ? ALL : langs.maskAt(oStart);
    const tier =
      run === AT_BOUNDARY && (m.groupPlainLangs[g]! & lang) !== 0 ? FULL : sel.tiers(g, oStart, oEnd, run, lang);
    if (tier !== 0) sel.offer(tier, s, q, g, oStart, oEnd, run, lang);
  }
}

/** Characters a call of scanPart() reads (a little more to end a character or a run of spaces): see scanText. */
const PART = 4096;

/** Where the scan stands between two parts of the text. */
class ScanState {
  state = 0;
  p = 0; // normalized position
  i = 0; // original position
  prevSpace = false;
  run = 0; // word units in a row, up to and including the current one
  runArabic = false; // the run began with an Arabic letter (proclitics may lead it)
  expansion = ''; // remaining units of a character that normalizes to several
  expK = 0;
  expOrigin = 0;
  advanceAt = 0;
  last = false; // the end of the text is being handled (once a part returns with it, the scan is done)
  readonly mask: number;
  readonly ringU: Uint16Array; // normalized units, for boundary look-back
  readonly ringO: Uint32Array; // original index of each normalized unit
  readonly sel: Selection;
  constructor(
    readonly m: Matcher,
    readonly text: string,
    sink: MatchSink,
    readonly langs: LanguageRuns | null,
  ) {
    const ringSize = nextPow2(m.maxPatternLength + 64);
    this.mask = ringSize - 1;
    this.ringU = new Uint16Array(ringSize);
    this.ringO = new Uint32Array(ringSize);
    this.sel = new Selection(m, text, sink);
  }
}

/**
 * Scans one text (a page slice) and reports the selected matches in order. `langs` says which
 * languages' aliases may match where (offsets in `text`); null lets every alias match anywhere.
 *
 * The loop reads a part of the text per call (PART): in one call per text, V8 optimized the
 * loop mid-run (on-stack replacement) and, the way a single long call feeds its tiering, often
 * kept that code. In Chromium 156 the dense bench page scanned in 25–29 ms that way and in
 * 18–22 ms in parts, in separate page loads with nothing else calling the scan.
 */
export function scanText(m: Matcher, text: string, sink: MatchSink, langs: LanguageRuns | null = null): void {
  scanInParts(m, text, sink, langs, PART);
}

/** scanText, reading about `part` characters per call of the loop (tests vary it: the parts must join seamlessly). */
export function scanInParts(m: Matcher, text: string, sink: MatchSink, langs: LanguageRuns | null, part: number): void {
  if (text.length === 0 || m.maxPatternLength === 0) return;
  const st = new ScanState(m, text, sink, langs);
  while (!st.last) scanPart(st, Math.min(text.length, st.i + part));
}

/** Scans text up to original position `stop` (or a little past, to end a character or a space run); at the text's end, emits everything. */
function scanPart(st: ScanState, stop: number): void {
  const { m, text, langs, ringU, ringO, mask, sel } = st;
  const maxLen = m.maxPatternLength;
  const n = text.length;
  const { alphaIndex, nodes } = m;
  const cls = WORD_CLASS_TABLE;
  const table = unitTableOf(m);
  const spaceAlpha = alphaIndex[0x20]!;
  let { state, p, i, prevSpace, run, runArabic, expansion, expK, expOrigin, advanceAt, last } = st;
  for (;;) {
    let u: number;
    let a: number;
    let origin: number;
    let word: boolean; // u is a word unit
    if (expK < expansion.length) {
      // Rare: units of an expanding character (ligature, presentation form).
      u = expansion.charCodeAt(expK++);
      origin = expOrigin;
      if (u === 0x20) {
        if (prevSpace) continue;
        prevSpace = true;
      } else {
        prevSpace = false;
      }
      a = alphaIndex[u]!;
      let k = cls[u]!;
      if (k === 0) k = classOf(u);
      word = k === WORD;
    } else {
      if (i >= stop) {
        if (stop < n || last) break;
        // The end of the text, handled as one more (non-word) unit by the loop's own code: code
        // after the loop had no type feedback in the optimized loop and deoptimized on every call.
        last = true;
        u = 0x20;
        a = 0;
        origin = n;
        word = false;
      } else {
        const c = text.charCodeAt(i);
        let entry = table[c]!;
        if (entry === 0) entry = fillEntry(table, alphaIndex, c);
        origin = i++;
        if (entry > 0) {
          // The common case: one character, one unit.
          u = entry & 0xffff;
          a = (entry >>> 16) & ALPHA_MASK;
          if (a === ALPHA_MASK) a = alphaIndex[u]!;
          word = (entry & WORD_BIT) !== 0;
          prevSpace = false;
        } else if (entry === NEG_SPACE) {
          if (prevSpace) {
            // A run of white space is one unit: pass the rest of it in a tight loop (pages and
            // their scripts are often more indentation than text).
            while (i < n) {
              const w = text.charCodeAt(i);
              if (w === 0x20 || (w <= 0x0d && w >= 0x09) || table[w] === NEG_SPACE) i++;
              else break;
            }
            continue;
          }
          prevSpace = true;
          u = 0x20;
          a = spaceAlpha;
          word = false;
        } else if (entry === NEG_DROP) {
          continue;
        } else if (entry === NEG_CYRILLIC_I) {
          // и + combining breve is a decomposed й.
          if (i < n && text.charCodeAt(i) === BREVE) {
            u = 0x0439;
            i++;
          } else {
            u = 0x0438;
          }
          a = alphaIndex[u]!;
          word = true;
          prevSpace = false;
        } else {
          expansion = multiOf(c, false);
          expK = 0;
          expOrigin = origin;
          continue;
        }
      }
    }
    const slot = p & mask;
    ringU[slot] = u;
    ringO[slot] = origin;
    if (word) {
      if (run === 0) runArabic = arabicLetter(u);
      run++;
    } else {
      run = 0;
    }
    const at = STRIDE * state;
    // Every pattern ending here ends with the previous unit: if both it and this unit are
    // word units (run > 1), all of them would end inside a word.
    if ((nodes[at + 2]! & HAS_OUTPUT) !== 0 && run <= 1) collect(sel, m, text, ringU, ringO, mask, state, p, langs);
    if (a === 0) {
      state = 0;
    } else if (state === 0 && run > 1 && (!runArabic || run > MAX_RUN + 1)) {
      // Inside a word, from the root: whatever starts here starts inside the word.
    } else {
      let s = state;
      let sAt = at;
      for (;;) {
        const t = nodes[sAt]! + a;
        if (nodes[STRIDE * t + 1] === s) {
          state = t;
          break;
        }
        if (s === 0) {
          state = 0;
          break;
        }
        s = nodes[sAt + 2]! & LINK_MASK;
        sAt = STRIDE * s;
        // Inside a word, a state whose string would start inside it (past an Arabic name's
        // proclitics) is dropped, and so is the rest of the chain after it (each state shorter
        // than the last): stop at the first one. The state the loop started from never needs
        // the check: it passed it one unit earlier, so its successor starts no later.
        if (run > 1) {
          const d = (nodes[sAt + 2]! >>> DEPTH_SHIFT) & DEPTH_CAP;
          if (d + 1 < run && d !== DEPTH_CAP && (!runArabic || run - d > MAX_RUN + 1)) {
            state = 0;
            break;
          }
        }
      }
    }
    p++;
    // Patterns ending at p are collected on the next round, so choices for starts below
    // p - maxLen are final (see selection.ts for the second maxLen before emitting). Decided
    // by the batch: a call per unit cost 8% of a dense page's scan.
    if (p >= advanceAt || last) {
      const lag = last ? 0 : maxLen; // at the end, decide and emit everything
      if (sel.pending !== 0) sel.advance(p - lag, p - 2 * lag);
      advanceAt = p + BATCH;
    }
  }
  Object.assign(st, { state, p, i, prevSpace, run, runArabic, expansion, expK, expOrigin, advanceAt, last });
}
