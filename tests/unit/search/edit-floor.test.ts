import { describe, expect, test } from 'vitest';
import { clearPeq, editDistanceFloor as floorIn, packKeys, setPeq } from '../../../lib/search/grams';
import { foldForSearch, prepareQuery, scriptRuns } from '../../../lib/search';
import { createRng } from '../../../scripts/bench/prng';

/** The floor for one text, packed after another key so that offsets other than 0 are exercised. */
const editDistanceFloor = (text: string, m: number, known?: number, limit?: number): number =>
  floorIn(packKeys(['xy', text, 'z']), 1, m, known, limit);

/** Smallest Levenshtein distance between p and any substring of t, by the textbook table. */
function reference(p: string, t: string): number {
  let prev = Array.from({ length: t.length + 1 }, () => 0);
  for (let i = 1; i <= p.length; i++) {
    const row = [i];
    for (let j = 1; j <= t.length; j++)
      row[j] = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (p[i - 1] === t[j - 1] ? 0 : 1));
    prev = row;
  }
  return Math.min(...prev);
}

describe('editDistanceFloor (Myers)', () => {
  test('equals the dynamic-programming answer, patterns of 1 to 32 units', () => {
    const rng = createRng(42);
    const alphabet = 'abn kiмун潘';
    const word = (n: number): string => Array.from({ length: n }, () => alphabet[rng.int(alphabet.length)]).join('');
    for (let trial = 0; trial < 1500; trial++) {
      const p = word(1 + rng.int(32));
      const t = word(rng.int(40));
      setPeq(p);
      try {
        expect(editDistanceFloor(t, p.length)).toBe(reference(p, t));
      } finally {
        clearPeq(p);
      }
    }
  });
});

describe('folding', () => {
  test('punctuation, dots and apostrophes', () => {
    expect(foldForSearch('Ban Ki-moon')).toBe('ban ki moon');
    expect(foldForSearch('U.N.')).toBe('un');
    expect(foldForSearch("Côte d'Ivoire")).toBe('cote divoire');
    expect(foldForSearch('若热·桑帕约')).toBe('若热 桑帕约');
    expect(foldForSearch('Ｕｎｅｓｃｏ')).toBe('unesco');
    expect(prepareQuery('  ?! ')).toBe('');
  });

  test('script runs of a mixed query', () => {
    expect(scriptRuns('潘基文 ban')).toEqual(['潘基文', 'ban']);
    expect(scriptRuns('ban ki moon')).toEqual([]);
  });
});

describe('editDistanceFloor early exits', () => {
  test('stays exact at or below the limit and above the known bound', () => {
    let seed = 11;
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const word = (n: number) => Array.from({ length: n }, () => 'abcde'[Math.floor(rnd() * 5)]).join('');
    for (let i = 0; i < 3000; i++) {
      const p = word(1 + Math.floor(rnd() * 12));
      const t = word(Math.floor(rnd() * 30));
      setPeq(p);
      const exact = editDistanceFloor(t, p.length);
      const limit = Math.floor(rnd() * p.length);
      const known = Math.min(exact, Math.floor(rnd() * (exact + 1)));
      const fast = editDistanceFloor(t, p.length, known, limit);
      clearPeq(p);
      if (exact <= limit) expect(fast).toBe(exact);
      else expect(fast).toBeGreaterThan(limit);
    }
  });
});
