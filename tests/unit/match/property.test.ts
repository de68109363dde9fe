/**
 * Property tests: the engine must agree with the naive reference matcher on random texts
 * built from the patterns' alphabet plus everything that tends to break text code
 * (surrogate pairs, lone surrogates, combining marks, bidi controls, odd spaces, ligatures).
 */
import { describe, expect, it } from 'vitest';
import { buildEntityTable, compilePatterns } from '../../../lib/match/compile';
import { scanText } from '../../../lib/match/scan';
import { V_CAPITALS, V_CASE_EXACT, V_CONTEXTUAL, V_NEEDS_LI, type Matcher, type PatternSpec } from '../../../lib/match/types';
import { entity } from './fixtures';
import { referenceMatches, type RefMatch } from './reference-matcher';
import { pick, prng } from './synthetic';

const FAMILIES = {
  latin: ['a', 'b', 'n', 'u', 'A', 'B', 'N', 'U', 'é', 'É', '1'],
  cyrillic: ['и', 'й', 'м', 'И', 'ё', 'е', 'Е', 'Ё'],
  arabic: ['ا', 'ل', 'م', 'و', 'ب', 'أ', 'ة', 'ه', 'ف'],
  han: ['联', '合', '国'],
};
const JOINERS = [' ', '-', "'", '.'];
const NOISE = [
  '\u0301', '\u0306', '\u0308', '\u200e', '\u200b', '\u200d', '\u2067', '\u2069', '\u00ad', '\u00a0', '\u202f', '\n', '\r\n',
  '\t', '\u3000', '  ', '😀', '\ud840\udc00', '\ud83d', '\ude00', '’', '‘', '—', '–', '\u2212', 'ﬁ', 'Ａ', 'ｕ', 'ـ', '\u064e',
  '\u0651', ',', '.', '(', ')', '"', '«', 'x', 'Z', '7', 'ß', 'İ', 'ﻻ', 'ال', 'لل', 'وال', 'ي', 'ى',
];

const ENTITIES = buildEntityTable(Array.from({ length: 8 }, (_, k) => entity(`e${k}`, 'organization', { en: { name: `E${k}` } })));

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

function randomText(rnd: () => number, specs: PatternSpec[]): string {
  const all = Object.values(FAMILIES).flat();
  const tokens = Math.floor(rnd() * 24);
  let text = '';
  for (let k = 0; k < tokens; k++) {
    const r = rnd();
    if (r < 0.35) {
      let t = pick(rnd, specs).text;
      if (rnd() < 0.3) t = rnd() < 0.5 ? t.toUpperCase() : t.toLowerCase();
      text += t;
    } else if (r < 0.65) text += pick(rnd, all);
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

describe('engine against the naive reference matcher', () => {
  it('agrees on 100,000 random texts over 1,000 random pattern sets', () => {
    const rnd = prng(20240601);
    let cases = 0;
    let matched = 0;
    for (let set = 0; set < 1000; set++) {
      const specs = Array.from({ length: 1 + Math.floor(rnd() * 10) }, () => randomPattern(rnd));
      const m = compilePatterns(specs, ENTITIES);
      for (let k = 0; k < 100; k++) {
        const text = randomText(rnd, specs);
        const expected = referenceMatches(specs, text);
        const actual = engineMatches(m, text);
        if (JSON.stringify(actual) !== JSON.stringify(expected)) {
          // Report the failing case in a readable form before failing.
          expect(JSON.stringify({ specs, text, actual })).toBe(JSON.stringify({ specs, text, actual: expected }));
        }
        cases++;
        matched += expected.length;
      }
    }
    expect(cases).toBe(100_000);
    expect(matched).toBeGreaterThan(50_000); // the generator really produces matches
  }, 120_000);

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
