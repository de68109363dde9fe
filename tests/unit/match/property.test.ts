/**
 * Property tests: the engine must agree with the naive reference matcher on random texts
 * built from the patterns' alphabet plus everything that tends to break text code
 * (surrogate pairs, lone surrogates, combining marks, bidi controls, odd spaces, ligatures).
 */
import { describe, expect, it } from 'vitest';
import { buildEntityTable, compilePatterns } from '../../../lib/match/compile';
import { scanInParts, scanText } from '../../../lib/match/scan';
import {
  V_CAPITALS,
  V_CASE_EXACT,
  V_CONTEXTUAL,
  V_NEEDS_LI,
  V_SELF_EVIDENT,
  type Matcher,
  type PatternSpec,
} from '../../../lib/match/types';
import { entity } from './fixtures';
import { referenceMatcher, type RefMatch } from './reference-matcher';
import { pick, prng } from './synthetic';

const FAMILIES = {
  latin: ['a', 'b', 'n', 'u', 'A', 'B', 'N', 'U', 'é', 'É', '1'],
  cyrillic: ['и', 'й', 'м', 'И', 'ё', 'е', 'Е', 'Ё'],
  arabic: ['ا', 'ل', 'م', 'و', 'ب', 'أ', 'ة', 'ه', 'ف'],
  han: ['联', '合', '国'],
};
const JOINERS = [' ', '-', "'", '.'];
const NOISE = [
  '\u0301',
  '\u0306',
  '\u0308',
  '\u200e',
  '\u200b',
  '\u200d',
  '\u2067',
  '\u2069',
  '\u00ad',
  '\u00a0',
  '\u202f',
  '\n',
  '\r\n',
  '\t',
  '\u3000',
  '  ',
  '😀',
  '\ud840\udc00',
  '\ud83d',
  '\ude00',
  '’',
  '‘',
  '—',
  '–',
  '\u2212',
  'ﬁ',
  'Ａ',
  'ｕ',
  'ـ',
  '\u064e',
  '\u0651',
  ',',
  '.',
  '(',
  ')',
  '"',
  '«',
  'x',
  'Z',
  '7',
  'ß',
  'İ',
  'ﻻ',
  'ال',
  'لل',
  'وال',
  'ي',
  'ى',
];

// Odd entities have the even one before them as parent, so self-evident aliases can name either.
const ENTITIES = buildEntityTable(
  Array.from({ length: 8 }, (_, k) =>
    entity(`e${k}`, 'organization', { en: { name: `E${k}` } }, { facts: k % 2 === 1 ? { parent: `e${k - 1}` } : {} }),
  ),
);

function randomPattern(rnd: () => number): PatternSpec {
  const family = pick(rnd, Object.keys(FAMILIES) as Array<keyof typeof FAMILIES>);
  const chars = FAMILIES[family];
  let text = family === 'arabic' && rnd() < 0.4 ? 'ال' : '';
  const len = 1 + Math.floor(rnd() * 4);
  for (let k = 0; k < len; k++) {
    if (k > 0 && rnd() < 0.15) text += pick(rnd, JOINERS);
    text += pick(rnd, chars);
  }
  const r = rnd();
  let flags = 0;
  if (r < 0.2) flags = V_CASE_EXACT;
  else if (r < 0.3) flags = V_CAPITALS | V_CONTEXTUAL;
  else if (r < 0.35) flags = V_CONTEXTUAL;
  else if (r < 0.45 && family === 'arabic') flags = V_NEEDS_LI;
  return { text, entity: Math.floor(rnd() * 8), flags };
}

/** Every pattern character, for the letters between names. */
const ALL_CHARS = Object.values(FAMILIES).flat();

function randomText(rnd: () => number, specs: PatternSpec[]): string {
  const tokens = Math.floor(rnd() * 24);
  let text = '';
  for (let k = 0; k < tokens; k++) {
    const r = rnd();
    if (r < 0.35) {
      let t = pick(rnd, specs).text;
      if (rnd() < 0.3) t = rnd() < 0.5 ? t.toUpperCase() : t.toLowerCase();
      text += t;
    } else if (r < 0.65) text += pick(rnd, ALL_CHARS);
    else if (r < 0.85) text += pick(rnd, NOISE);
    else text += pick(rnd, JOINERS);
  }
  return text;
}

function engineMatches(m: Matcher, text: string): RefMatch[] {
  const out: RefMatch[] = [];
  scanText(m, text, (start, end, _g, variants, count) => {
    const list = new Set<string>();
    for (let k = 0; k < count; k++) list.add(`${m.variantEntity[variants[k]!]}:${m.variantFlags[variants[k]!]}`);
    out.push({ start, end, variants: [...list].sort() });
  });
  return out;
}

/**
 * Contextual aliases built around a full name of their entity or its parent (or of an
 * unrelated entity, or with a glued letter that breaks the boundary): self-evident or not.
 */
function embeddingSpecs(rnd: () => number): PatternSpec[] {
  const specs = Array.from({ length: 1 + Math.floor(rnd() * 5) }, () => randomPattern(rnd));
  const count = 1 + Math.floor(rnd() * 3);
  for (let k = 0; k < count; k++) {
    const inner = pick(rnd, specs);
    if ((inner.flags & V_CONTEXTUAL) !== 0) continue;
    const r = rnd();
    // The inner entity itself, a child of it (odd entities have the even one before as parent), or any.
    const ent =
      r < 0.4
        ? inner.entity
        : r < 0.8
          ? inner.entity % 2 === 0
            ? inner.entity + 1
            : inner.entity
          : Math.floor(rnd() * 8);
    const side = () => (rnd() < 0.3 ? '' : randomPattern(rnd).text + (rnd() < 0.8 ? pick(rnd, JOINERS) : ''));
    const before = side();
    const after = rnd() < 0.5 ? '' : (rnd() < 0.8 ? pick(rnd, JOINERS) : '') + randomPattern(rnd).text;
    specs.push({
      text: before + inner.text + after,
      entity: ent,
      flags: rnd() < 0.5 ? V_CONTEXTUAL | V_CAPITALS : V_CONTEXTUAL,
    });
  }
  return specs;
}

/** Runs `sets` pattern sets × `texts` random texts and compares engine and reference. */
function agreement(rnd: () => number, sets: number, texts: number, makeSpecs: (rnd: () => number) => PatternSpec[]) {
  let matched = 0;
  let selfEvidentSets = 0;
  for (let set = 0; set < sets; set++) {
    const specs = makeSpecs(rnd);
    const m = compilePatterns(specs, ENTITIES);
    const reference = referenceMatcher(specs, ENTITIES.parent);
    if (m.variantFlags.some((f) => (f & V_SELF_EVIDENT) !== 0)) selfEvidentSets++;
    for (let k = 0; k < texts; k++) {
      const text = randomText(rnd, specs);
      const expected = reference(text);
      const actual = engineMatches(m, text);
      if (JSON.stringify(actual) !== JSON.stringify(expected)) {
        // Report the failing case in a readable form before failing.
        expect(JSON.stringify({ specs, text, actual })).toBe(JSON.stringify({ specs, text, actual: expected }));
      }
      matched += expected.length;
    }
  }
  return { matched, selfEvidentSets };
}

const randomSpecs = (rnd: () => number) => Array.from({ length: 1 + Math.floor(rnd() * 10) }, () => randomPattern(rnd));

describe('engine against the naive reference matcher', () => {
  it('agrees on 100,000 random texts over 1,000 random pattern sets', () => {
    const { matched } = agreement(prng(20240601), 1000, 100, randomSpecs);
    expect(matched).toBeGreaterThan(50_000); // the generator really produces matches
  }, 120_000);

  it('agrees where contextual aliases embed full names (self-evident or not)', () => {
    const { matched, selfEvidentSets } = agreement(prng(424242), 400, 50, embeddingSpecs);
    expect(matched).toBeGreaterThan(10_000);
    expect(selfEvidentSets).toBeGreaterThan(100); // the generator really produces self-evident aliases
  }, 120_000);

  it('finds the same whether the loop reads the text in one part or in parts of any size', () => {
    const rnd = prng(99);
    let compared = 0;
    for (let set = 0; set < 60; set++) {
      const specs = randomSpecs(rnd);
      const m = compilePatterns(specs, ENTITIES);
      // Long texts, so parts end mid-name, mid-run of spaces and mid-expansion.
      const text = Array.from({ length: 40 }, () => randomText(rnd, specs)).join(pick(rnd, JOINERS));
      const inParts = (part: number) => {
        const out: string[] = [];
        scanInParts(
          m,
          text,
          (s, e, g, variants, count) => out.push(`${s}-${e}:${g}:${variants.subarray(0, count).join(',')}`),
          null,
          part,
        );
        return out;
      };
      const whole = inParts(text.length + 1);
      compared += whole.length;
      for (const part of [1, 2, 3, 7, 64]) expect(inParts(part)).toEqual(whole);
    }
    expect(compared).toBeGreaterThan(1_000);
  });

  it('returns spans that slice back to text whose normalization is the pattern', () => {
    const rnd = prng(7);
    for (let set = 0; set < 200; set++) {
      const specs = Array.from({ length: 1 + Math.floor(rnd() * 6) }, () => randomPattern(rnd));
      const m = compilePatterns(specs, ENTITIES);
      for (let k = 0; k < 20; k++) {
        const text = randomText(rnd, specs);
        scanText(m, text, (start, end, g) => {
          expect(start).toBeGreaterThanOrEqual(0);
          expect(end).toBeLessThanOrEqual(text.length);
          expect(end).toBeGreaterThan(start);
          expect(m.groupLength[g]).toBeGreaterThan(0);
        });
      }
    }
  });
});
