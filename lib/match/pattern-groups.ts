/**
 * Groups pattern specs by normalized text as they come (one automaton output per group),
 * dropping exact duplicates. Built for half a million specs without making garbage:
 * normalization goes through reused buffers; group texts and case-preserving texts are code
 * units in growing buffers (no string per pattern), found again through an open-addressing
 * hash table; variants live in typed arrays, linked per group, and a duplicate is found by
 * walking its (usually tiny) group.
 */
import { createNormalizeScratch, normalizeInto, type NormalizeScratch } from '../text/normalize';
import type { PatternPool } from './trie-build';
import { V_CAPITALS, V_CASE_EXACT, V_CONTEXTUAL, V_SELF_EVIDENT } from './types';

/** Longer normalized patterns are skipped (names are at most 300 characters in the schema). */
export const MAX_PATTERN_LENGTH = 600;
/** Groups with this many variants find duplicates through a set of keys instead of a walk. */
const LINEAR_DEDUP_LIMIT = 8;

function grownI32(a: Int32Array, min: number): Int32Array {
  if (a.length >= min) return a;
  const b = new Int32Array(Math.max(min, a.length * 2));
  b.set(a);
  return b;
}

function grownU16(a: Uint16Array, min: number): Uint16Array {
  if (a.length >= min) return a;
  const b = new Uint16Array(Math.max(min, a.length * 2));
  b.set(a);
  return b;
}

/** Units [s, e) of a buffer as a string (e - s is at most MAX_PATTERN_LENGTH, far below apply's limit). */
export function unitsString(units: Uint16Array, s: number, e: number): string {
  return String.fromCharCode.apply(null, units.subarray(s, e) as unknown as number[]);
}

export class PatternGroups implements PatternPool {
  /** Groups, in order of first appearance: their normalized texts (PatternPool). */
  count = 0;
  units: Uint16Array = new Uint16Array(1 << 16);
  start: Int32Array = new Int32Array(1024);
  length: Int32Array = new Int32Array(1024);
  /** Per group: first and last variant, variant count. */
  head: Int32Array = new Int32Array(1024);
  tail: Int32Array = new Int32Array(1024);
  size: Int32Array = new Int32Array(1024);
  /** Variants, in order of arrival: entity, flags, start of the case-preserving units (-1: none), next in group. */
  variants = 0;
  entity: Int32Array = new Int32Array(1024);
  flags: Int32Array = new Int32Array(1024);
  /** Languages the variant may match in: the same text, entity and flags in several languages is one variant. */
  langs: Uint8Array = new Uint8Array(1024);
  casedAt: Int32Array = new Int32Array(1024);
  next: Int32Array = new Int32Array(1024);
  casedUnits: Uint16Array = new Uint16Array(1 << 16);
  casedUsed = 0;
  /** The alias as written, for contextual variants only (see self-evident.ts). */
  readonly source = new Map<number, string>();
  private unitsUsed = 0;
  private lastHash = 0;
  private hashes: Int32Array = new Int32Array(1024);
  /** Open addressing: group + 1 per slot, 0 for empty. */
  private table = new Int32Array(1 << 12);
  private readonly seen = new Map<string, number>();
  private readonly folded: NormalizeScratch = createNormalizeScratch();
  private readonly casedScratch: NormalizeScratch = createNormalizeScratch();

  /** Adds one spec: normalized like page text, trimmed, grouped; a duplicate only adds its languages. */
  add(text: string, entity: number, specFlags: number, langs: number): void {
    // The self-evidence bits are the compiler's own conclusion, never taken from the input.
    const flags = specFlags & ~V_SELF_EVIDENT;
    const length = normalizeInto(text, false, this.folded);
    const units = this.folded.units;
    let s = 0;
    let e = length;
    while (s < e && units[s] === 0x20) s++;
    while (e > s && units[e - 1] === 0x20) e--;
    const n = e - s;
    if (n === 0 || n > MAX_PATTERN_LENGTH) return;
    let cs = -1;
    if ((flags & (V_CASE_EXACT | V_CAPITALS)) !== 0) {
      // The case-preserving view has the folded view's length by construction.
      const casedLength = normalizeInto(text, true, this.casedScratch);
      if (casedLength !== length) throw new Error('normalize: case-preserving view of another length');
      cs = this.casedUsed;
      this.casedUnits = grownU16(this.casedUnits, cs + n);
      this.casedUnits.set(this.casedScratch.units.subarray(s, e), cs);
    }
    let g = this.findGroup(units, s, e);
    if (g < 0) {
      g = this.newGroup(units, s, e, this.lastHash);
    } else {
      const twin = this.duplicateOf(g, entity, flags, cs);
      if (twin >= 0) {
        this.langs[twin] = this.langs[twin]! | langs;
        return;
      }
    }
    if (cs >= 0) this.casedUsed += n;
    const v = this.variants++;
    if (v >= this.entity.length) {
      this.entity = grownI32(this.entity, v + 1);
      this.flags = grownI32(this.flags, v + 1);
      const wider = new Uint8Array(this.flags.length);
      wider.set(this.langs);
      this.langs = wider;
      this.casedAt = grownI32(this.casedAt, v + 1);
      this.next = grownI32(this.next, v + 1);
    }
    this.entity[v] = entity;
    this.flags[v] = flags;
    this.langs[v] = langs;
    this.casedAt[v] = cs;
    this.next[v] = -1;
    if ((flags & V_CONTEXTUAL) !== 0) this.source.set(v, text);
    if (this.head[g] === -1) this.head[g] = v;
    else this.next[this.tail[g]!] = v;
    this.tail[g] = v;
    const count = ++this.size[g]!;
    if (count === LINEAR_DEDUP_LIMIT) {
      for (let w = this.head[g]!; w !== -1; w = this.next[w]!)
        this.seen.set(this.keyOf(g, this.entity[w]!, this.flags[w]!, this.casedAt[w]!), w);
    } else if (count > LINEAR_DEDUP_LIMIT) {
      this.seen.set(this.keyOf(g, entity, flags, cs), v);
    }
  }

  /** The normalized text of group g. */
  text(g: number): string {
    return unitsString(this.units, this.start[g]!, this.start[g]! + this.length[g]!);
  }

  /** The group whose text is units[s, e), or -1 if there is none yet (its hash is then in lastHash). */
  private findGroup(units: Uint16Array, s: number, e: number): number {
    let h = 0x811c9dc5 | 0;
    for (let k = s; k < e; k++) h = Math.imul(h ^ units[k]!, 0x01000193);
    this.lastHash = h;
    const mask = this.table.length - 1;
    const n = e - s;
    for (let slot = h & mask; ; slot = (slot + 1) & mask) {
      const entry = this.table[slot]!;
      if (entry === 0) return -1;
      const g = entry - 1;
      if (this.hashes[g] !== h || this.length[g] !== n) continue;
      const at = this.start[g]! - s;
      let k = s;
      while (k < e && this.units[at + k] === units[k]) k++;
      if (k === e) return g;
    }
  }

  private newGroup(units: Uint16Array, s: number, e: number, hash: number): number {
    const g = this.count++;
    if (g >= this.start.length) {
      this.start = grownI32(this.start, g + 1);
      this.length = grownI32(this.length, g + 1);
      this.head = grownI32(this.head, g + 1);
      this.tail = grownI32(this.tail, g + 1);
      this.size = grownI32(this.size, g + 1);
      this.hashes = grownI32(this.hashes, g + 1);
    }
    this.units = grownU16(this.units, this.unitsUsed + e - s);
    this.units.set(units.subarray(s, e), this.unitsUsed);
    this.start[g] = this.unitsUsed;
    this.length[g] = e - s;
    this.unitsUsed += e - s;
    this.head[g] = -1;
    this.tail[g] = -1;
    this.size[g] = 0;
    this.hashes[g] = hash;
    if (this.count * 2 > this.table.length) this.rehash();
    else this.place(g);
    return g;
  }

  private place(g: number): void {
    const mask = this.table.length - 1;
    let slot = this.hashes[g]! & mask;
    while (this.table[slot] !== 0) slot = (slot + 1) & mask;
    this.table[slot] = g + 1;
  }

  private rehash(): void {
    this.table = new Int32Array(this.table.length * 2);
    for (let g = 0; g < this.count; g++) this.place(g);
  }

  private keyOf(g: number, entity: number, flags: number, cs: number): string {
    const cased = cs < 0 ? '' : unitsString(this.casedUnits, cs, cs + this.length[g]!);
    return `${g}\u0000${entity}\u0000${flags}\u0000${cased}`;
  }

  /** The variant of group g with this entity, flags and cased text, or -1. */
  private duplicateOf(g: number, entity: number, flags: number, cs: number): number {
    if (this.size[g]! >= LINEAR_DEDUP_LIMIT) return this.seen.get(this.keyOf(g, entity, flags, cs)) ?? -1;
    const n = this.length[g]!;
    const cased = this.casedUnits;
    for (let w = this.head[g]!; w !== -1; w = this.next[w]!) {
      if (this.entity[w] !== entity || this.flags[w] !== flags) continue;
      const other = this.casedAt[w]!;
      if (cs < 0 && other < 0) return w;
      if (cs < 0 || other < 0) continue;
      let k = 0;
      while (k < n && cased[other + k] === cased[cs + k]) k++;
      if (k === n) return w;
    }
    return -1;
  }
}
