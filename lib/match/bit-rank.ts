/**
 * Rank over a bitmap: how many bits are set before position i, in O(1) (one count per
 * 32-bit word plus a popcount). The matcher uses it to number sparse things densely without
 * storing a table per item: the pattern group of a terminal automaton state is the rank of
 * that state among terminal states, and the case-preserving text of a variant is found by
 * its rank among the variants that need a case check.
 */

/** Set bits of a 32-bit word (SWAR popcount: no loop, no table). */
export function popcount32(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  x = (x + (x >>> 4)) & 0x0f0f0f0f;
  return Math.imul(x, 0x01010101) >>> 24;
}

/** A bitmap of `size` bits, all clear. */
export function createBits(size: number): Uint32Array {
  return new Uint32Array((size + 31) >>> 5);
}

export function setBit(bits: Uint32Array, i: number): void {
  bits[i >>> 5] = bits[i >>> 5]! | (1 << (i & 31));
}

/** counts[w] = set bits in words before w (derived at load time; 4 bytes per 32 bits). */
export function rankCounts(bits: Uint32Array): Uint32Array {
  const counts = new Uint32Array(bits.length);
  let total = 0;
  for (let w = 0; w < bits.length; w++) {
    counts[w] = total;
    total += popcount32(bits[w]!);
  }
  return counts;
}

/** Set bits before position i (the caller knows i < 32 * bits.length). */
export function rankOf(bits: Uint32Array, counts: Uint32Array, i: number): number {
  const w = i >>> 5;
  // The mask keeps the bits strictly below i; for i & 31 = 31 it wraps to 0x7fffffff, as wanted.
  return counts[w]! + popcount32(bits[w]! & ((1 << (i & 31)) - 1));
}

/** The smallest power of two ≥ n (n ≥ 1): the size of a ring buffer indexed with `& (size - 1)`. */
export function nextPow2(n: number): number {
  let p = 1;
  while (p < n) p *= 2;
  return p;
}
