/**
 * Online selection of matches among the candidates the scan loop reports.
 *
 * Two tiers. Full names first (with self-evident contextual aliases, see self-evident.ts):
 * leftmost-longest, no overlaps. Contextual aliases ("the Alliance", "Mr. Ban") second: per
 * start the longest, kept only where it overlaps no selected full name and no earlier
 * contextual selection. So "the Alliance of Civilizations"
 * is the full name "Alliance of Civilizations", not the contextual "the Alliance" + text.
 *
 * Without sorting: candidates live in rings indexed by normalized start. No candidate can
 * start more than maxLen units before the scan position, so the full-name choice at start f
 * is final once the scan is maxLen past f, and everything overlapping [f, f + maxLen) is
 * final maxLen later; matches are then emitted in start order. Memory is O(maxLen).
 */
import { V_CONTEXTUAL, V_SELF_EVIDENT, type Matcher } from './types';
import { createVerifyScratch, validVariants, type VerifyScratch } from './verify';
import { nextPow2 } from './bit-rank';

/** Receives each selected match: original [start, end), its group and valid variants. */
export type MatchSink = (start: number, end: number, group: number, variants: Int32Array, count: number) => void;

/** The scan decides and emits at most this many units late (one call per batch, not per unit);
 * the rings hold that much more. */
export const ADVANCE_BATCH = 128;
export const TIER_FULL = 1;
export const TIER_CONTEXTUAL = 2;
const CONTEXTUAL = V_CONTEXTUAL;
const SELF_EVIDENT = V_SELF_EVIDENT;
const verify = validVariants; // a module-local copy (see the note in scan.ts)

const variantCounts = new WeakMap<Matcher, number>();

/** The most variants any group has: once per matcher, not per slice (a loop over every group). */
function mostVariants(m: Matcher): number {
  let most = variantCounts.get(m);
  if (most === undefined) {
    most = 1;
    for (let g = 0; g < m.groupFlags.length; g++)
      most = Math.max(most, 1 + m.groupVariantExtra[g + 1]! - m.groupVariantExtra[g]!);
    variantCounts.set(m, most);
  }
  return most;
}

/** One candidate per start: normalized end (-1 = none), group, original span, proclitic run. */
class CandidateRing {
  readonly end: Int32Array;
  readonly group: Int32Array;
  readonly oStart: Int32Array;
  readonly oEnd: Int32Array;
  readonly run: Uint8Array;
  /** Languages allowed at the candidate's start (LANG_BITS). */
  readonly lang: Uint8Array;
  constructor(size: number) {
    this.end = new Int32Array(size).fill(-1);
    this.group = new Int32Array(size);
    this.oStart = new Int32Array(size);
    this.oEnd = new Int32Array(size);
    this.run = new Uint8Array(size);
    this.lang = new Uint8Array(size);
  }
}

export class Selection {
  /** Occupied ring slots (candidates not yet decided, choices not yet emitted). */
  pending = 0;
  /** Next start whose full-name choice is to be made. */
  nextChoice = 0;
  /** Next start to emit. */
  nextEmit = 0;
  private fullUpTo = 0; // end of the last chosen full name
  private fullCoverEnd = 0; // furthest end of chosen full names emitted so far
  private ctxUpTo = 0; // end of the last selected contextual alias
  private readonly maxLen: number;
  private readonly rmask: number;
  private readonly full: CandidateRing;
  private readonly ctx: CandidateRing;
  private readonly chosen: Int32Array; // per start: end of the chosen full name, or -1
  /** A bit per slot: a full or contextual candidate waits there. advance() visits only these. */
  private readonly occupied: Int32Array;
  readonly scratch: VerifyScratch;
  private readonly variants: Int32Array;

  constructor(
    private readonly m: Matcher,
    private readonly text: string,
    private readonly sink: MatchSink,
  ) {
    this.maxLen = m.maxPatternLength;
    const size = nextPow2(2 * this.maxLen + 4 + ADVANCE_BATCH);
    this.rmask = size - 1;
    this.full = new CandidateRing(size);
    this.ctx = new CandidateRing(size);
    this.chosen = new Int32Array(size).fill(-1);
    this.occupied = new Int32Array(Math.max(1, size >>> 5));
    this.scratch = createVerifyScratch(this.maxLen);
    this.variants = new Int32Array(mostVariants(m));
  }

  /** Which tiers the valid variants of a candidate belong to (0 if none is valid). */
  tiers(g: number, oStart: number, oEnd: number, run: number, lang: number): number {
    const count = verify(this.m, g, this.text, oStart, oEnd, run, this.scratch, this.variants, lang);
    let t = 0;
    for (let k = 0; k < count; k++) {
      const f = this.m.variantFlags[this.variants[k]!]!;
      // A self-evident contextual alias names its entity (or parent) itself: it competes as a full name.
      t |= (f & CONTEXTUAL) === 0 || (f & SELF_EVIDENT) !== 0 ? TIER_FULL : TIER_CONTEXTUAL;
    }
    return (t & TIER_FULL) !== 0 ? TIER_FULL : t;
  }

  /** Records a candidate [s, q) (normalized) of the given tier, if longer than the one at s. */
  offer(tier: number, s: number, q: number, g: number, oStart: number, oEnd: number, run: number, lang: number): void {
    if (tier === TIER_FULL ? s < this.fullUpTo : s < this.ctxUpTo) return;
    const ring = tier === TIER_FULL ? this.full : this.ctx;
    const slot = s & this.rmask;
    if (ring.end[slot]! >= q) return;
    if (ring.end[slot]! < 0) {
      if (this.pending === 0) {
        // Nothing pending: skip the empty starts instead of walking them.
        const from = q - this.maxLen - 1;
        if (this.nextChoice < from) this.nextChoice = from;
        if (this.nextEmit < from) this.nextEmit = from;
      }
      this.pending++;
      this.occupied[slot >>> 5] = this.occupied[slot >>> 5]! | (1 << (slot & 31));
    }
    ring.end[slot] = q;
    ring.group[slot] = g;
    ring.oStart[slot] = oStart;
    ring.oEnd[slot] = oEnd;
    ring.run[slot] = run;
    ring.lang[slot] = lang;
  }

  /** Whether candidates at start s could still be offered (the scan is not past s yet). */
  skipBelow(): number {
    return Math.min(this.fullUpTo, this.ctxUpTo);
  }

  /** Decides full names for starts < chooseLimit and emits starts < emitLimit. */
  advance(chooseLimit: number, emitLimit: number): void {
    const { full, ctx, rmask } = this;
    for (;;) {
      const f = this.nextOccupied(this.nextChoice, chooseLimit);
      if (f >= chooseLimit) break;
      this.nextChoice = f + 1;
      const slot = f & rmask;
      const end = full.end[slot]!;
      if (end < 0) continue; // a contextual candidate only
      if (f >= this.fullUpTo) {
        this.chosen[slot] = end;
        this.fullUpTo = end;
      } else {
        full.end[slot] = -1;
        this.pending--;
        if (ctx.end[slot]! < 0) this.vacate(slot);
      }
    }
    if (this.nextChoice < chooseLimit) this.nextChoice = chooseLimit;
    const emitTo = Math.min(emitLimit, this.nextChoice);
    for (;;) {
      const f = this.nextOccupied(this.nextEmit, emitTo);
      if (f >= emitTo) break;
      this.nextEmit = f + 1;
      this.emitAt(f);
    }
    if (this.nextEmit < emitTo) this.nextEmit = emitTo;
  }

  /**
   * The first start in [from, limit) whose slot holds a candidate, or limit: a dense page has
   * a candidate every hundred units or so, and walking each unit cost a sixth of its scan.
   */
  private nextOccupied(from: number, limit: number): number {
    const { occupied, rmask } = this;
    for (let p = from; p < limit; p = (p | 31) + 1) {
      const slot = p & rmask;
      const bits = occupied[slot >>> 5]! >>> (slot & 31);
      if (bits !== 0) {
        const found = p + 31 - Math.clz32(bits & -bits);
        return found < limit ? found : limit;
      }
    }
    return limit;
  }

  private vacate(slot: number): void {
    this.occupied[slot >>> 5] = this.occupied[slot >>> 5]! & ~(1 << (slot & 31));
  }

  private emitAt(f: number): void {
    const { full, ctx, rmask } = this;
    const slot = f & rmask;
    this.vacate(slot);
    const chosenEnd = this.chosen[slot]!;
    if (chosenEnd >= 0) {
      this.chosen[slot] = -1;
      full.end[slot] = -1;
      this.pending--;
      this.fullCoverEnd = Math.max(this.fullCoverEnd, chosenEnd);
      this.send(full, slot);
    }
    const end = ctx.end[slot]!;
    if (end < 0) return;
    ctx.end[slot] = -1;
    this.pending--;
    if (chosenEnd >= 0 || f < this.ctxUpTo || f < this.fullCoverEnd) return;
    for (let k = f + 1; k < end; k++) if (this.chosen[k & rmask]! >= 0) return; // a full name starts inside
    this.ctxUpTo = end;
    this.send(ctx, slot);
  }

  private send(ring: CandidateRing, slot: number): void {
    const g = ring.group[slot]!;
    const oStart = ring.oStart[slot]!;
    const oEnd = ring.oEnd[slot]!;
    const count = verify(
      this.m,
      g,
      this.text,
      oStart,
      oEnd,
      ring.run[slot]!,
      this.scratch,
      this.variants,
      ring.lang[slot]!,
    );
    if (count > 0) this.sink(oStart, oEnd, g, this.variants, count);
  }
}
