/**
 * The scan loop: normalizes the text a chunk at a time into a ring buffer (the same
 * normalizeChunk the patterns went through), runs the automaton over it, checks word
 * boundaries at pattern ends, and selects leftmost-longest non-overlapping matches online.
 *
 * Selection without sorting: a candidate starting at normalized position s is kept in a
 * small ring indexed by s (only the longest per start). No candidate can start more than
 * maxPatternLength units before the scan position, so once the scan is that far past s,
 * start s is final: if it is not covered by the previous selection, its longest candidate
 * is selected. Memory is O(max pattern length), time is linear in the text (plus the
 * patterns ending at each position, bounded by the pattern length).
 */
import { CLASS_WORD, WORD_CLASS_TABLE, wordClass } from '../text/char-class';
import { normalizeChunk, originalCharEnd, type NormalizeCursor } from '../text/normalize';
import { FAIL_HAS_OUTPUT, FAIL_LINK_MASK, NODE_STRIDE, terminalGroupOf } from './automaton-build';
import { RUN_AT_BOUNDARY } from './proclitics';
import { G_PLAIN, G_START_BOUNDARY, type Matcher } from './types';
import { createVerifyScratch, precedingRunClass, validVariants, type VerifyScratch } from './verify';

/** Receives each selected match: original [start, end), its group and valid variants. */
export type MatchSink = (start: number, end: number, group: number, variants: Int32Array, count: number) => void;

// Imported constants copied to module locals: transpilers (vitest, tsx) may turn every
// access to an imported binding into a getter call, far too slow for a per-character loop.
const HAS_OUTPUT = FAIL_HAS_OUTPUT;
const STRIDE = NODE_STRIDE; // nodes[STRIDE*s] base, +1 check, +2 fail word
const LINK_MASK = FAIL_LINK_MASK;
const WORD = CLASS_WORD;
const AT_BOUNDARY = RUN_AT_BOUNDARY;
const START_BOUNDARY = G_START_BOUNDARY;
const PLAIN = G_PLAIN;
const classOf = wordClass;

/** Units normalized per refill of the ring buffer. */
const CHUNK = 4096;

function nextPow2(n: number): number {
  let p = 1;
  while (p < n) p *= 2;
  return p;
}

/** Variant list buffer for the sink (a group rarely has more than a few dozen variants). */
function variantBuffer(m: Matcher): Int32Array {
  let most = 1;
  for (let g = 0; g + 1 < m.groupVariantStart.length; g++) {
    most = Math.max(most, m.groupVariantStart[g + 1]! - m.groupVariantStart[g]!);
  }
  return new Int32Array(most);
}

/**
 * Candidate bookkeeping and selection, kept out of the hot loop's closure so the loop's own
 * variables stay in registers (V8 context-allocates variables captured by closures).
 */
class Selection {
  pending = 0; // filled candidate slots
  finalizeFrom = 0; // every start below this is decided
  selectedUpTo = 0; // normalized end of the last selected match
  readonly cmask: number;
  readonly candEnd: Int32Array; // normalized end, -1 = empty slot
  readonly candGroup: Int32Array;
  readonly candOStart: Int32Array;
  readonly candOEnd: Int32Array;
  readonly candRun: Uint8Array;
  readonly scratch: VerifyScratch;
  readonly variants: Int32Array;

  constructor(
    readonly m: Matcher,
    readonly text: string,
    readonly ringU: Uint16Array,
    readonly ringO: Uint32Array,
    readonly mask: number,
    readonly sink: MatchSink,
  ) {
    const size = nextPow2(m.maxPatternLength + 2);
    this.cmask = size - 1;
    this.candEnd = new Int32Array(size).fill(-1);
    this.candGroup = new Int32Array(size);
    this.candOStart = new Int32Array(size);
    this.candOEnd = new Int32Array(size);
    this.candRun = new Uint8Array(size);
    this.scratch = createVerifyScratch(m.maxPatternLength);
    this.variants = variantBuffer(m);
  }

  /**
   * Candidates for every pattern ending at normalized position q in `state` (its own and
   * those on its failure chain). The caller already checked the end boundary: all of them
   * end with the same unit, the one just read.
   */
  collect(state: number, q: number): void {
    const { m, ringU, ringO, mask, candEnd } = this;
    const nodes = m.nodes;
    for (let t = state; (nodes[STRIDE * t + 2]! & HAS_OUTPUT) !== 0; t = nodes[STRIDE * t + 2]! & LINK_MASK) {
      if (nodes[STRIDE * t + 2]! >= 0) continue; // not terminal itself: a suffix further down the chain is
      const g = terminalGroupOf(m.terminalSlot, m.terminalGroup, t);
      const s = q - m.groupLength[g]!;
      if (s < this.selectedUpTo) continue;
      const flags = m.groupFlags[g]!;
      let run = AT_BOUNDARY;
      if ((flags & START_BOUNDARY) !== 0) {
        run = precedingRunClass(ringU, mask, s, 0, flags, this.scratch);
        if (run === 0) continue;
      }
      const slot = s & this.cmask;
      if (candEnd[slot]! >= q) continue;
      const oStart = ringO[s & mask]!;
      const oEnd = originalCharEnd(this.text, ringO[(q - 1) & mask]!);
      const plain = run === AT_BOUNDARY && (flags & PLAIN) !== 0;
      if (!plain && validVariants(m, g, this.text, oStart, oEnd, run, this.scratch, null) === 0) continue;
      if (candEnd[slot]! < 0) {
        if (this.pending === 0 && this.finalizeFrom < q - m.maxPatternLength) this.finalizeFrom = q - m.maxPatternLength;
        this.pending++;
      }
      candEnd[slot] = q;
      this.candGroup[slot] = g;
      this.candOStart[slot] = oStart;
      this.candOEnd[slot] = oEnd;
      this.candRun[slot] = run;
    }
  }

  /** Decides every start up to `limit`: selects its longest candidate unless already covered. */
  finalize(limit: number): void {
    const { candEnd } = this;
    while (this.finalizeFrom <= limit) {
      const slot = this.finalizeFrom & this.cmask;
      const end = candEnd[slot]!;
      if (end >= 0) {
        candEnd[slot] = -1;
        this.pending--;
        if (this.finalizeFrom >= this.selectedUpTo) {
          const g = this.candGroup[slot]!;
          const oStart = this.candOStart[slot]!;
          const oEnd = this.candOEnd[slot]!;
          const count = validVariants(this.m, g, this.text, oStart, oEnd, this.candRun[slot]!, this.scratch, this.variants);
          if (count > 0) {
            this.selectedUpTo = end;
            this.sink(oStart, oEnd, g, this.variants, count);
          }
        }
      }
      this.finalizeFrom++;
    }
  }
}

/** Scans one text (a page slice) and reports the selected matches in order. */
export function scanText(m: Matcher, text: string, sink: MatchSink): void {
  const maxLen = m.maxPatternLength;
  if (text.length === 0 || maxLen === 0) return;
  const ringSize = nextPow2(CHUNK + maxLen + 64);
  const mask = ringSize - 1;
  const ringU = new Uint16Array(ringSize);
  const ringO = new Uint32Array(ringSize);
  const sel = new Selection(m, text, ringU, ringO, mask, sink);
  const cursor: NormalizeCursor = { i: 0, pos: 0, prevSpace: false };
  const { alphaIndex, nodes } = m;
  const cls = WORD_CLASS_TABLE;
  let state = 0;
  let p = 0;
  for (;;) {
    if (p === cursor.pos) {
      if (cursor.i >= text.length) break;
      normalizeChunk(text, text.length, ringU, ringO, mask, cursor, CHUNK, false);
      continue;
    }
    const u = ringU[p & mask]!;
    const at = STRIDE * state;
    if ((nodes[at + 2]! & HAS_OUTPUT) !== 0) {
      // Every pattern ending here ends with the unit just read: if both it and the next
      // unit are word units, all of them would end inside a word.
      let next = cls[u]!;
      if (next === 0) next = classOf(u);
      let inWord = false;
      if (next === WORD) {
        const prev = ringU[(p - 1) & mask]!;
        let pc = cls[prev]!;
        if (pc === 0) pc = classOf(prev);
        inWord = pc === WORD;
      }
      if (!inWord) sel.collect(state, p);
    }
    const a = alphaIndex[u]!;
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
    if (sel.pending !== 0 && sel.finalizeFrom <= p - maxLen) sel.finalize(p - maxLen);
  }
  if ((nodes[STRIDE * state + 2]! & HAS_OUTPUT) !== 0) sel.collect(state, p);
  if (sel.pending !== 0) sel.finalize(p);
}
