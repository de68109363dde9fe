import { describe as suite, expect, test } from 'vitest';
import { anchor, describe } from '../../../lib/annotations/anchor';
import { findApproximate } from '../../../lib/annotations/approximate';

const TEXT =
  'The Secretary-General spoke to the General Assembly on Monday.\n' +
  'He said the United Nations would act. Later, the United Nations issued a statement.\n' +
  'The General Assembly adjourned.';

const at = (text: string, quote: string, nth = 0) => {
  let i = -1;
  for (let n = 0; n <= nth; n++) i = text.indexOf(quote, i + 1);
  return i;
};

/** Levenshtein distance, the plain dynamic programme, to check the bit-parallel one. */
function levenshtein(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++)
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length]!;
}

/** The least Levenshtein distance between the pattern and any substring of the text (Sellers). */
function bestSubstringDistance(pattern: string, text: string): number {
  let prev = Array.from({ length: pattern.length + 1 }, (_, i) => i);
  let best = prev[pattern.length]!;
  for (let j = 1; j <= text.length; j++) {
    const cur = [0];
    for (let i = 1; i <= pattern.length; i++) {
      cur[i] = Math.min(prev[i]! + 1, cur[i - 1]! + 1, prev[i - 1]! + (pattern[i - 1] === text[j - 1] ? 0 : 1));
    }
    prev = cur;
    best = Math.min(best, cur[pattern.length]!);
  }
  return best;
}

/** A deterministic pseudo-random generator (mulberry32), so failures replay. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function prose(length: number, seed: number): string {
  const words =
    'the of and to in a is that for it as was with be by on not this are or from at which but have an they were her one all we their peace security council assembly nations united'.split(
      ' ',
    );
  const next = random(seed);
  const parts: string[] = [];
  let n = 0;
  while (n < length) {
    const w = words[Math.floor(next() * words.length)]!;
    parts.push(w);
    n += w.length + 1;
  }
  return parts.join(' ').slice(0, length);
}

suite('describing a selection', () => {
  test('keeps the quote with 32 characters of context each side and the offsets', () => {
    const start = at(TEXT, 'United Nations');
    const [quote, position] = describe(TEXT, start, start + 14);
    expect(quote).toEqual({
      type: 'TextQuoteSelector',
      exact: 'United Nations',
      prefix: TEXT.slice(start - 32, start),
      suffix: TEXT.slice(start + 14, start + 46),
    });
    expect(position).toEqual({ type: 'TextPositionSelector', start, end: start + 14 });
  });

  test('shortens the context at the edges of the text', () => {
    const [quote] = describe(TEXT, 0, 3);
    expect(quote.prefix).toBe('');
    expect(describe(TEXT, TEXT.length - 10, TEXT.length)[0].suffix).toBe('');
  });

  test('never cuts an emoji in half at the ends of the context', () => {
    const text = `${'🇺🇳'.repeat(20)}quote${'🇺🇳'.repeat(20)}`;
    const start = text.indexOf('quote');
    const [quote] = describe(text, start, start + 5);
    expect(quote.prefix.length % 2).toBe(0);
    expect(quote.suffix.length % 2).toBe(0);
    expect(quote.prefix).toMatch(/^(🇺🇳)+$/u);
  });

  test('reads the block breaks of the page text as line breaks, offsets unchanged', () => {
    const text = 'First paragraph\u0000Second paragraph';
    const [quote, position] = describe(text, 6, 22);
    expect(quote.exact).toBe('paragraph\nSecond');
    expect(position).toMatchObject({ start: 6, end: 22 });
    expect(anchor(text, [quote, position])).toEqual({ start: 6, end: 22, method: 'position' });
  });

  test.each([
    [-1, 3],
    [5, 5],
    [10, 4],
    [0, TEXT.length + 1],
    [0.5, 3],
  ])('refuses the range %i–%i', (start, end) => {
    expect(() => describe(TEXT, start, end)).toThrow(RangeError);
  });

  test('refuses a selection longer than 5,000 characters', () => {
    expect(() => describe('x'.repeat(6000), 0, 5001)).toThrow(/5000/);
  });
});

suite('anchoring', () => {
  test('uses the saved position when the quote is still there', () => {
    const start = at(TEXT, 'General Assembly', 1);
    expect(anchor(TEXT, describe(TEXT, start, start + 16))).toEqual({ start, end: start + 16, method: 'position' });
  });

  test('finds the quote again when text was inserted before it', () => {
    const start = at(TEXT, 'issued a statement');
    const selectors = describe(TEXT, start, start + 18);
    const edited = `Breaking news. ${TEXT}`;
    expect(anchor(edited, selectors)).toEqual({ start: start + 15, end: start + 33, method: 'quote' });
  });

  test('picks, of several occurrences, the one whose context agrees', () => {
    const second = at(TEXT, 'United Nations', 1);
    const selectors = describe(TEXT, second, second + 14);
    // Both occurrences move; only the context tells them apart.
    const edited = TEXT.replace('spoke to', 'addressed');
    expect(anchor(edited, selectors)).toEqual({
      start: at(edited, 'United Nations', 1),
      end: at(edited, 'United Nations', 1) + 14,
      method: 'quote',
    });
  });

  test('picks the nearest occurrence when contexts agree equally', () => {
    const text = Array.from({ length: 6 }, () => 'same words here. ').join('');
    const [quote] = describe(text, 0, 10);
    const noContext = { ...quote, prefix: '', suffix: '' };
    const old = { type: 'TextPositionSelector' as const, start: 3 * 17 + 2, end: 3 * 17 + 12 };
    expect(anchor(text, [noContext, old])).toMatchObject({ start: 3 * 17, method: 'quote' });
  });

  test('matches approximately a sentence that was edited', () => {
    const start = at(TEXT, 'He said the United Nations would act.');
    const selectors = describe(TEXT, start, start + 37);
    const edited = TEXT.replace('He said the United Nations would act.', 'He said that the United Nations will act.');
    const found = anchor(edited, selectors);
    expect(found?.method).toBe('fuzzy');
    expect(edited.slice(found!.start, found!.end)).toBe('He said that the United Nations will act.');
  });

  test('matches approximately a long quote (over 32 characters) on a long page', () => {
    const text = prose(400_000, 1);
    const start = 250_000;
    const selectors = describe(text, start, start + 600);
    const original = text.slice(start, start + 600);
    const changed = original.slice(0, 100) + 'INSERTED WORDS ' + original.slice(100, 400) + original.slice(430);
    const edited = `${'A new opening paragraph. '.repeat(40)}${text.slice(0, start)}${changed}${text.slice(start + 600)}`;
    const found = anchor(edited, selectors);
    expect(found?.method).toBe('fuzzy');
    expect(found!.start).toBe(start + 1000);
    expect(levenshtein(edited.slice(found!.start, found!.end), original)).toBeLessThanOrEqual(45);
  });

  test('finds a long quote far from its old position by its pieces', () => {
    const text = prose(2_000_000, 2);
    const start = 1_500_000;
    const original = text.slice(start, start + 300);
    const selectors = describe(text, start, start + 300);
    const edited =
      text.slice(0, 100_000) + original.replace(/the/g, 'teh') + text.slice(100_000, start) + text.slice(start + 300);
    const found = anchor(edited, selectors);
    expect(found).toMatchObject({ start: 100_000, method: 'fuzzy' });
  }, 20_000);

  test('returns null when the text is gone (an orphan)', () => {
    const start = at(TEXT, 'He said the United Nations would act.');
    const selectors = describe(TEXT, start, start + 37);
    expect(anchor(TEXT.replace('He said the United Nations would act.', ''), selectors)).toBeNull();
    expect(anchor('', selectors)).toBeNull();
  });

  test('does not match a short quote approximately without agreeing context', () => {
    const selectors = describe('xx Geneva yy', 3, 9);
    expect(anchor('Some other page about Genoa and Vienna.', selectors)).toBeNull();
  });

  test('ignores a position whose text differs and a quote selector missing', () => {
    const start = at(TEXT, 'statement');
    const [quote, position] = describe(TEXT, start, start + 9);
    expect(anchor(TEXT, [quote, { ...position, start: 0, end: 9 }])).toMatchObject({ start, method: 'quote' });
    expect(anchor(TEXT, [position])).toBeNull();
  });

  test('stays fast on a 10 MB text with an orphaned long quote', () => {
    const text = prose(10_000_000, 3);
    const selectors = describe(prose(5000, 4), 1000, 1400);
    const t0 = performance.now();
    expect(anchor(text, selectors)).toBeNull();
    // Linear in the text: a few passes; generous bound for slow CI machines.
    expect(performance.now() - t0).toBeLessThan(10_000);
  }, 30_000);
});

suite('approximate search', () => {
  test('agrees with the plain dynamic programme on random strings', () => {
    const next = random(42);
    const pick = (n: number) => Array.from({ length: n }, () => 'abcd'[Math.floor(next() * 4)]).join('');
    for (let i = 0; i < 400; i++) {
      const pattern = pick(1 + Math.floor(next() * 80));
      const text = pick(Math.floor(next() * 160));
      const maxErrors = Math.floor(next() * (pattern.length / 2 + 1));
      for (const match of findApproximate(text, pattern, maxErrors, 0, text.length, 1000)) {
        expect(match.errors).toBeLessThanOrEqual(maxErrors);
        expect(levenshtein(pattern, text.slice(match.start, match.end))).toBe(match.errors);
      }
      const best = bestSubstringDistance(pattern, text);
      const found = findApproximate(text, pattern, maxErrors, 0, text.length, 1000);
      expect(found.length ? Math.min(...found.map((m) => m.errors)) : Infinity).toBe(
        best <= maxErrors ? best : Infinity,
      );
    }
  });
});
