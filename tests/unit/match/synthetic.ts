/**
 * Deterministic generators for property and performance tests: a seeded PRNG, name-like
 * aliases in several scripts, and page-like text.
 */
import type { PatternSpec } from '../../../lib/match/types';
import { compilePatterns, buildEntityTable } from '../../../lib/match/compile';
import type { Matcher } from '../../../lib/match/types';
import { entity } from './fixtures';

/** mulberry32: small, fast, good enough for test data. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const pick = <T>(rnd: () => number, list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;

const LATIN = 'bcdfghjklmnprstvz';
const VOWELS = 'aeiouéà';
const CYR = 'бвгдклмнпрст';
const CYR_V = 'аеиоуяё';
const HAN = '联合国秘书长潘基文大会安全理事会世界卫生组织教科文难民署开发计划';
const ARABIC = 'ابتثجحخدذرزسشصضطظعغفقكلمنهوي';

function word(rnd: () => number): string {
  const script = rnd();
  const syllables = 1 + Math.floor(rnd() * 3);
  let w = '';
  if (script < 0.55) {
    for (let k = 0; k < syllables; k++) w += pick(rnd, LATIN.split('')) + pick(rnd, VOWELS.split(''));
    return rnd() < 0.5 ? w.charAt(0).toUpperCase() + w.slice(1) : w;
  }
  if (script < 0.75) {
    for (let k = 0; k < syllables; k++) w += pick(rnd, CYR.split('')) + pick(rnd, CYR_V.split(''));
    return w.charAt(0).toUpperCase() + w.slice(1);
  }
  if (script < 0.9) {
    for (let k = 0; k < 2 + syllables; k++) w += pick(rnd, ARABIC.split(''));
    return w;
  }
  for (let k = 0; k < 1 + syllables; k++) w += pick(rnd, HAN.split(''));
  return w;
}

/** A vocabulary of `size` distinct words, so aliases share words like real names do. */
export function vocabulary(rnd: () => number, size: number): string[] {
  const set = new Set<string>();
  while (set.size < size) set.add(word(rnd));
  return [...set];
}

/** `count` name-like aliases (1–5 words) spread over count/5 entities. */
export function syntheticSpecs(
  count: number,
  seed = 1,
): { specs: PatternSpec[]; entityCount: number; vocab: string[] } {
  const rnd = prng(seed);
  const vocab = vocabulary(rnd, 20000);
  const entityCount = Math.max(1, Math.floor(count / 5));
  const specs: PatternSpec[] = [];
  for (let k = 0; k < count; k++) {
    const n = 1 + Math.floor(rnd() * 5);
    const words: string[] = [];
    for (let j = 0; j < n; j++) words.push(pick(rnd, vocab));
    specs.push({ text: words.join(' '), entity: k % entityCount, flags: rnd() < 0.05 ? 1 : 0 });
  }
  return { specs, entityCount, vocab };
}

export function syntheticMatcher(count: number, seed = 1): { matcher: Matcher; specs: PatternSpec[]; vocab: string[] } {
  const { specs, entityCount, vocab } = syntheticSpecs(count, seed);
  const entities = Array.from({ length: entityCount }, (_, k) =>
    entity(`e${k}`, 'organization', { en: { name: `E${k}` } }),
  );
  return { matcher: compilePatterns(specs, buildEntityTable(entities)), specs, vocab };
}

/** Page-like text: vocabulary words, filler words and punctuation, with some aliases inserted. */
export function syntheticText(rnd: () => number, length: number, vocab: string[], specs: PatternSpec[]): string {
  const filler = ['the', 'of', 'and', 'в', 'и', 'на', 'في', 'من', '的', '在', 'said', 'today', '2012', 'la', 'de'];
  const parts: string[] = [];
  let size = 0;
  while (size < length) {
    const r = rnd();
    const w = r < 0.03 ? pick(rnd, specs).text : r < 0.35 ? pick(rnd, vocab) : pick(rnd, filler);
    const sep = rnd() < 0.1 ? pick(rnd, ['. ', ', ', '\n', ' — ', ' (', ') ']) : ' ';
    parts.push(w, sep);
    size += w.length + sep.length;
  }
  return parts.join('').slice(0, length);
}
