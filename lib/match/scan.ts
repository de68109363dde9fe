/**
 * The scan loop: normalizes the text on the fly (one table read per character, see
 * unit-table.ts; same rules as normalize(), which the patterns went through), runs the
 * automaton, checks word boundaries at pattern ends, and hands candidates to the online
 * selection (selection.ts: leftmost-longest full names, then contextual aliases in the gaps). The last units are kept in a small ring buffer for
 * look-back (start boundaries, Arabic proclitics, original offsets).
 *
 * Time is linear in the text (plus the patterns ending at each position, bounded by the
 * pattern length); memory is O(max pattern length).
 */
import { CLASS_WORD, WORD_CLASS_TABLE, wordClass } from '../text/char-class';
import { COMBINING_BREVE, KIND_CYRILLIC_I, KIND_DROP, KIND_SPACE, multiExpansion } from '../text/fold-table';
import { originalCharEnd } from '../text/normalize';
import { FAIL_HAS_OUTPUT, FAIL_LINK_MASK, NODE_STRIDE } from './automaton-build';
import { rankOf } from './bit-rank';
import { RUN_AT_BOUNDARY } from './proclitics';
import { G_PLAIN, G_START_BOUNDARY, type Matcher } from './types';
import { ALPHA_LOOKUP, fillUnitEntry, unitTableOf } from './unit-table';
import { Selection, TIER_FULL, type MatchSink } from './selection';
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
const PLAIN = G_PLAIN;
const FULL = TIER_FULL;
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

function nextPow2(n: number): number {
  let p = 1;
  while (p < n) p *= 2;
  return p;
}

/**
 * Offers the candidates for every pattern ending at normalized position q in `state` (its
 * own and those on its failure chain). The caller already checked the end boundary: all of
 * them end with the same unit, the one just read.
 */
function collect(sel: Selection, m: Matcher, text: string, ringU: Uint16Array, ringO: Uint32Array, mask: number, state: number, q: number): void {
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
    const tier = run === AT_BOUNDARY && (flags & PLAIN) !== 0 ? FULL : sel.tiers(g, oStart, oEnd, run);
    if (tier !== 0) sel.offer(tier, s, q, g, oStart, oEnd, run);
  }
}

/** Scans one text (a page slice) and reports the selected matches in order. */
export function scanText(m: Matcher, text: string, sink: MatchSink): void {
  const maxLen = m.maxPatternLength;
  const n = text.length;
  if (n === 0 || maxLen === 0) return;
  const ringSize = nextPow2(maxLen + 64);
  const mask = ringSize - 1;
  const ringU = new Uint16Array(ringSize); // normalized units, for boundary look-back
  const ringO = new Uint32Array(ringSize); // original index of each normalized unit
  const sel = new Selection(m, text, sink);
  const { alphaIndex, nodes } = m;
  const cls = WORD_CLASS_TABLE;
  const table = unitTableOf(m);
  const spaceAlpha = alphaIndex[0x20]!;
  let state = 0;
  let p = 0; // normalized position
  let i = 0; // original position
  let prevSpace = false;
  let expansion = ''; // remaining units of a character that normalizes to several
  let expK = 0;
  let expOrigin = 0;
  for (;;) {
    let u: number;
    let a: number;
    let origin: number;
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
    } else {
      if (i >= n) break;
      const c = text.charCodeAt(i);
      let entry = table[c]!;
      if (entry === 0) entry = fillEntry(table, alphaIndex, c);
      origin = i++;
      if (entry > 0) {
        // The common case: one character, one unit.
        u = entry & 0xffff;
        a = (entry >>> 16) & ALPHA_MASK;
        if (a === ALPHA_MASK) a = alphaIndex[u]!;
        prevSpace = false;
      } else if (entry === NEG_SPACE) {
        if (prevSpace) continue;
        prevSpace = true;
        u = 0x20;
        a = spaceAlpha;
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
        prevSpace = false;
      } else {
        expansion = multiOf(c, false);
        expK = 0;
        expOrigin = origin;
        continue;
      }
    }
    const slot = p & mask;
    ringU[slot] = u;
    ringO[slot] = origin;
    const at = STRIDE * state;
    if ((nodes[at + 2]! & HAS_OUTPUT) !== 0) {
      // Every pattern ending here ends with the previous unit: if both it and this unit
      // are word units, all of them would end inside a word.
      let next = cls[u]!;
      if (next === 0) next = classOf(u);
      let inWord = false;
      if (next === WORD) {
        const prev = ringU[(p - 1) & mask]!;
        let pc = cls[prev]!;
        if (pc === 0) pc = classOf(prev);
        inWord = pc === WORD;
      }
      if (!inWord) collect(sel, m, text, ringU, ringO, mask, state, p);
    }
    if (a === 0) {
      state = 0;
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
      }
    }
    p++;
    // Patterns ending at p are collected on the next round, so choices for starts below
    // p - maxLen are final (see selection.ts for the second maxLen before emitting).
    if (sel.pending !== 0 && sel.nextChoice < p - maxLen) sel.advance(p - maxLen, p - 2 * maxLen);
  }
  if ((nodes[STRIDE * state + 2]! & HAS_OUTPUT) !== 0) collect(sel, m, text, ringU, ringO, mask, state, p);
  if (sel.pending !== 0) sel.flush(p);
}
