/**
 * Bad input never throws or hangs: empty text, huge text, lone surrogates, text with no
 * letters, and pathological numbers of matches.
 */
import { describe, expect, it } from 'vitest';
import { compileMatcher, findMentions, createDocumentScan, normalize } from '../../../lib/match';
import { entity } from './fixtures';
import { unMatcher } from './un-fixtures';

describe('bad input', () => {
  it('handles empty text and an empty matcher', () => {
    expect(findMentions(unMatcher, '')).toEqual([]);
    const empty = compileMatcher([]);
    expect(findMentions(empty, 'United Nations')).toEqual([]);
    expect(createDocumentScan(empty).add('', 0)).toEqual([]);
  });

  it('handles lone surrogates, combining marks and controls anywhere', () => {
    const text = '\ud800UN\udc00 \ud83dUnited Nations\ude00 \u0301\u0301UN\u200f \u0000UN\u0000 \uffff\ufffe';
    const found = findMentions(unMatcher, text).map((m) => m.text);
    expect(found).toEqual(['UN', 'United Nations', 'UN', 'UN']);
  });

  it('reads every one of the 65,536 BMP code units, alone and in one string', () => {
    // U+FBB2–FBC1 (Arabic symbols) once sent the fold table into endless recursion.
    let all = '';
    const failed: string[] = [];
    for (let c = 0; c < 0x10000; c++) {
      const unit = String.fromCharCode(c);
      try {
        normalize(unit);
      } catch {
        failed.push(c.toString(16));
      }
      all += unit;
    }
    expect(failed).toEqual([]);
    expect(normalize(all).map.length).toBe(normalize(all).text.length + 1);
    expect(() => findMentions(unMatcher, all + ' United Nations')).not.toThrow();
    expect(findMentions(unMatcher, '\ufbb2 United Nations \ufbc1').map((m) => m.text)).toEqual(['United Nations']);
  }, 60_000);

  it('handles text with no letters', () => {
    expect(findMentions(unMatcher, '1234 5678 — !!! ... \n\n\t ' + '😀'.repeat(1000))).toEqual([]);
  });

  it('scans 10 MB of text in linear time', () => {
    const chunk =
      'Lorem ipsum dolor sit amet, the United Nations said. Ban Ki-moon agreed; Mr. Ban left. 联合国秘书长. ';
    const text = chunk.repeat(Math.ceil(10_000_000 / chunk.length));
    const t0 = performance.now();
    const mentions = findMentions(unMatcher, text);
    const ms = performance.now() - t0;
    expect(mentions.length).toBe(5 * Math.ceil(10_000_000 / chunk.length));
    expect(ms).toBeLessThan(20_000);
  }, 60_000);

  it('copes with a huge number of matches and of overlapping candidates', () => {
    const m = compileMatcher([
      entity('a', 'organization', { en: { name: 'aa', aliases: ['a', 'aaa', 'aaaa aaaa'] } }),
      entity('han', 'organization', { en: { name: '联', aliases: ['联联', '联联联联联联联联'] } }),
    ]);
    const t0 = performance.now();
    expect(findMentions(m, 'a '.repeat(500_000)).length).toBe(500_000);
    expect(findMentions(m, '联'.repeat(1_000_000)).length).toBe(125_000);
    // One long word made of a pattern's letters: no match may end inside it.
    expect(findMentions(m, 'a'.repeat(1_000_000))).toEqual([]);
    expect(performance.now() - t0).toBeLessThan(20_000);
  }, 60_000);

  it('keeps mentions of a huge page in document order', () => {
    const scan = createDocumentScan(unMatcher);
    scan.add('Ban Ki-moon', 1000);
    scan.add('Mr. Ban', 0);
    expect(scan.results().map((m) => m.start)).toEqual([0, 1000]);
  });
});
