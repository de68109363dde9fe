import { describe, expect, test } from 'vitest';
import { MAX_PATTERN, prepareQuery } from '../../../lib/search';
import { realSearch } from './fixtures';

describe('bad input never throws nor stalls', () => {
  const { searcher } = realSearch();

  test.each(['', '   ', '\n\t', '!!!', '?!.,;:', '— – -', '«»“”', '()[]{}', '。，、', '؟،'])(
    '%j gives no results',
    (q) => {
      expect(searcher.search(q)).toEqual([]);
    },
  );

  test('non-strings and odd limits give [] or a sane list', () => {
    expect(searcher.search(undefined as unknown as string)).toEqual([]);
    expect(searcher.search(42 as unknown as string)).toEqual([]);
    expect(searcher.search('ban', 0)).toEqual([]);
    expect(searcher.search('ban', -5)).toEqual([]);
    expect(searcher.search('ban', Number.NaN).length).toBeLessThanOrEqual(20);
    expect(searcher.search('ban', 2.7)).toHaveLength(2);
  });

  test('a 1,000-character query is cut to the bitap width and answered quickly', () => {
    const long = 'Ban Ki-moon '.repeat(90).slice(0, 1000);
    expect(prepareQuery(long).length).toBeLessThanOrEqual(MAX_PATTERN);
    const t0 = performance.now();
    const hits = searcher.search(long);
    expect(performance.now() - t0).toBeLessThan(500);
    expect(Array.isArray(hits)).toBe(true);
    for (const junk of [
      'x'.repeat(1000),
      '潘'.repeat(1000),
      '😀'.repeat(500),
      'a b '.repeat(250),
      '\u0301'.repeat(1000),
    ]) {
      const t1 = performance.now();
      expect(() => searcher.search(junk)).not.toThrow();
      expect(performance.now() - t1).toBeLessThan(500);
    }
  });

  test('a cut never leaves half a surrogate pair', () => {
    const q = prepareQuery('a' + '😀'.repeat(40));
    expect(q.length).toBeLessThanOrEqual(MAX_PATTERN);
    expect(/[\uD800-\uDBFF]$/.test(q)).toBe(false);
  });

  test('mixed scripts: each part is searched too', () => {
    expect(searcher.search('潘基文 ban')[0]?.id).toBe('ban-ki-moon');
    expect(searcher.search('Пан Ги Moon')[0]?.id).toBe('ban-ki-moon');
    expect(searcher.search('guterres غوتيريش')[0]?.id).toBe('antonio-guterres');
  });

  test('lone surrogates, control characters and zero-width marks are harmless', () => {
    for (const q of ['\uD800ban', 'ban\uDC00', '\u0000ban\u0007', 'b\u200Ban', '\uFEFFban']) {
      expect(() => searcher.search(q)).not.toThrow();
    }
    expect(searcher.search('b\u200Ban ki moon')[0]?.id).toBe('ban-ki-moon');
  });
});
