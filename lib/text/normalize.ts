/**
 * Text normalization with an exact offset map back to the original string.
 *
 * Rules (each documented in fold-table.ts): case folding; Latin accents stripped (é → e);
 * ё → е; Arabic harakat and tatweel removed and letter variants unified (أ إ آ ٱ → ا,
 * ى → ي, ة → ه, ؤ ئ → ء); full-width forms → ASCII; dashes and hyphens → ' ', apostrophes → "'", double quotes
 * → '"'; every space or line break → ' ' with runs collapsed to one; zero-width, bidi
 * controls and soft hyphens removed. CJK and Arabic letters otherwise pass through.
 *
 * The same core (normalizeChunk) feeds both this whole-string API and the matcher's scan
 * loop, which normalizes a few thousand units at a time into a ring buffer, so patterns
 * and pages are guaranteed to be normalized identically. Linear time; surrogates (paired
 * or lone) pass through unchanged and never throw.
 */
import {
  CASED_UNIT,
  COMBINING_BREVE,
  FOLD_KIND_TABLE,
  FOLDED_UNIT,
  KIND_CYRILLIC_I,
  KIND_MULTI,
  KIND_SINGLE,
  KIND_SPACE,
  foldKind,
  isDroppedMark,
  multiExpansion,
} from './fold-table';

// Local copies of the imported constants, for the same reason as in normalizeChunk.
const SINGLE = KIND_SINGLE;
const SPACE = KIND_SPACE;
const CYRILLIC_I = KIND_CYRILLIC_I;
const MULTI = KIND_MULTI;
const BREVE = COMBINING_BREVE;
const isDropped = isDroppedMark;

export interface NormalizedText {
  /** The normalized text. */
  text: string;
  /**
   * map[i] is the index in the original string of the character that produced normalized
   * unit i; map[text.length] is the original length. Use originalSpan() for match ends.
   */
  map: Uint32Array;
}

/** Where a chunked normalization stands; plain fields so the loop can keep them in locals. */
export interface NormalizeCursor {
  /** Next original index to read. */
  i: number;
  /** Number of normalized units written so far (index into the output, before masking). */
  pos: number;
  /** Whether the last unit written was a space (for collapsing runs). */
  prevSpace: boolean;
}

/** Longest expansion of one unit (U+FDFA) is 18 units; keep a margin when filling buffers. */
export const MAX_UNIT_EXPANSION = 32;

/**
 * Normalizes text[cursor.i, end) into units/origin at positions (pos & mask), stopping early
 * once `budget` units were written (so a fixed ring buffer never overruns). Pass mask = -1 to
 * write linearly. Advances the cursor in place.
 */
export function normalizeChunk(
  text: string,
  end: number,
  units: Uint16Array,
  origin: Uint32Array,
  mask: number,
  cursor: NormalizeCursor,
  budget: number,
  keepCase: boolean,
): void {
  // Module imports are read once into locals: transpilers may turn each access to an
  // imported binding into a getter call, which would dominate this per-character loop.
  const view = keepCase ? CASED_UNIT : FOLDED_UNIT;
  const kinds = FOLD_KIND_TABLE;
  let i = cursor.i;
  let pos = cursor.pos;
  let prevSpace = cursor.prevSpace;
  const stop = pos + Math.max(0, budget - MAX_UNIT_EXPANSION);
  while (i < end && pos < stop) {
    const c = text.charCodeAt(i);
    let kind = kinds[c]!;
    if (kind === 0) kind = foldKind(c);
    if (kind === SINGLE) {
      const at = pos & mask;
      units[at] = view[c]!;
      origin[at] = i;
      pos++;
      prevSpace = false;
    } else if (kind === SPACE) {
      if (!prevSpace) {
        const at = pos & mask;
        units[at] = 0x20;
        origin[at] = i;
        pos++;
        prevSpace = true;
      }
    } else if (kind === CYRILLIC_I) {
      const at = pos & mask;
      origin[at] = i;
      if (i + 1 < end && text.charCodeAt(i + 1) === BREVE) {
        // Decomposed "й" (и + U+0306): compose it rather than drop the breve.
        units[at] = c === 0x0418 && keepCase ? 0x0419 : 0x0439;
        i++;
      } else {
        units[at] = view[c]!;
      }
      pos++;
      prevSpace = false;
    } else if (kind === MULTI) {
      const exp = multiExpansion(c, keepCase);
      for (let k = 0; k < exp.length; k++) {
        const u = exp.charCodeAt(k);
        if (u === 0x20 && prevSpace) continue;
        const at = pos & mask;
        units[at] = u;
        origin[at] = i;
        pos++;
        prevSpace = u === 0x20;
      }
    }
    // KIND_DROP: nothing emitted, and a dropped unit does not break a run of spaces.
    i++;
  }
  cursor.i = i;
  cursor.pos = pos;
  cursor.prevSpace = prevSpace;
}

function unitsToString(units: Uint16Array, length: number): string {
  let out = '';
  const STEP = 8192; // fromCharCode.apply has an argument-count limit
  for (let k = 0; k < length; k += STEP) {
    out += String.fromCharCode.apply(null, units.subarray(k, Math.min(length, k + STEP)) as unknown as number[]);
  }
  return out;
}

/** Normalizes a whole string (folded view, or case-preserving with keepCase). */
export function normalize(text: string, options: { keepCase?: boolean } = {}): NormalizedText {
  const keepCase = options.keepCase === true;
  // Output never exceeds 18 units per input unit; grow on demand instead of reserving that.
  let capacity = text.length + MAX_UNIT_EXPANSION + 1;
  let units = new Uint16Array(capacity);
  let origin = new Uint32Array(capacity);
  const cursor: NormalizeCursor = { i: 0, pos: 0, prevSpace: false };
  while (cursor.i < text.length) {
    if (capacity - cursor.pos <= MAX_UNIT_EXPANSION * 2) {
      capacity = capacity * 2;
      const u2 = new Uint16Array(capacity);
      u2.set(units);
      const o2 = new Uint32Array(capacity);
      o2.set(origin);
      units = u2;
      origin = o2;
    }
    normalizeChunk(text, text.length, units, origin, -1, cursor, capacity - cursor.pos, keepCase);
  }
  const length = cursor.pos;
  const map = new Uint32Array(length + 1);
  map.set(origin.subarray(0, length));
  map[length] = text.length;
  return { text: unitsToString(units, length), map };
}

/** Reusable buffers for normalizeInto (grown on demand, never shrunk). */
export interface NormalizeScratch {
  units: Uint16Array;
  origin: Uint32Array;
  cursor: NormalizeCursor;
}

export function createNormalizeScratch(): NormalizeScratch {
  return { units: new Uint16Array(1024), origin: new Uint32Array(1024), cursor: { i: 0, pos: 0, prevSpace: false } };
}

/**
 * The units of normalize(text, { keepCase }).text, written to scratch.units[0, length)
 * without allocating (the compiler normalizes hundreds of thousands of short names).
 * Returns the length. The output does not depend on how the work is chunked.
 */
export function normalizeInto(text: string, keepCase: boolean, scratch: NormalizeScratch): number {
  const cursor = scratch.cursor;
  cursor.i = 0;
  cursor.pos = 0;
  cursor.prevSpace = false;
  while (cursor.i < text.length) {
    const capacity = scratch.units.length;
    if (capacity - cursor.pos <= MAX_UNIT_EXPANSION * 2) {
      const u2 = new Uint16Array(capacity * 2);
      u2.set(scratch.units);
      scratch.units = u2;
      scratch.origin = new Uint32Array(capacity * 2);
      continue;
    }
    normalizeChunk(text, text.length, scratch.units, scratch.origin, -1, cursor, capacity - cursor.pos, keepCase);
  }
  return cursor.pos;
}

/** The case-preserving variant: same length and map as normalize(text), original case kept. */
export function normalizeCased(text: string): NormalizedText {
  return normalize(text, { keepCase: true });
}

/** Shorthand for the folded normalized string alone. */
let foldScratch: NormalizeScratch | null = null;

/** normalize(text).text without building the offset map (names and queries fold by the thousand). */
export function foldText(text: string): string {
  foldScratch ??= createNormalizeScratch();
  const length = normalizeInto(text, false, foldScratch); // may grow the buffers: read them after
  return unitsToString(foldScratch.units, length);
}

/**
 * End (exclusive) in the original string of the character whose normalization starts at
 * original index `o`: covers a surrogate pair, a composed и + breve, and any combining marks
 * that follow (they were dropped, but belong to the same visible letter).
 */
export function originalCharEnd(original: string, o: number): number {
  const c = original.charCodeAt(o);
  let end = o + 1;
  if (c >= 0xd800 && c <= 0xdbff) {
    const next = original.charCodeAt(end);
    if (next >= 0xdc00 && next <= 0xdfff) end++;
  }
  while (end < original.length && isDropped(original.charCodeAt(end))) end++;
  return end;
}

/** Original [start, end) of the normalized span [s, e) (e > s). */
export function originalSpan(original: string, map: Uint32Array, s: number, e: number): [number, number] {
  const start = map[s] ?? original.length;
  const last = map[e - 1];
  if (last === undefined) return [start, start];
  return [start, originalCharEnd(original, last)];
}
