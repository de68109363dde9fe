/**
 * The rank index behind terminal-state → group and variant → case-preserving text lookups.
 */
import { describe, expect, it } from 'vitest';
import { createBits, popcount32, rankCounts, rankOf, setBit } from '../../../lib/match/bit-rank';
import { prng } from './synthetic';

describe('bit rank', () => {
  it('counts the set bits of any 32-bit word', () => {
    const rnd = prng(11);
    for (const x of [0, 1, 0x80000000, 0xffffffff, 0x7fffffff, 0x55555555]) {
      expect(popcount32(x | 0)).toBe([...(x >>> 0).toString(2)].filter((c) => c === '1').length);
    }
    for (let k = 0; k < 1000; k++) {
      const x = Math.floor(rnd() * 2 ** 32);
      expect(popcount32(x | 0)).toBe([...x.toString(2)].filter((c) => c === '1').length);
    }
  });

  it('ranks every position of random bitmaps like a running count', () => {
    const rnd = prng(12);
    for (const [size, density] of [
      [1, 0.5],
      [31, 0.5],
      [32, 1],
      [33, 0.3],
      [1000, 0.02],
      [4096, 0.9],
    ] as const) {
      const bits = createBits(size);
      const set: boolean[] = [];
      for (let i = 0; i < size; i++) {
        set.push(rnd() < density);
        if (set[i]) setBit(bits, i);
      }
      const counts = rankCounts(bits);
      let before = 0;
      for (let i = 0; i < size; i++) {
        expect(rankOf(bits, counts, i)).toBe(before);
        if (set[i]) before++;
      }
    }
  });
});
