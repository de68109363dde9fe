/**
 * Cutting a long text (one text node of megabytes) into pieces the engine reads one task at a
 * time, at places where no name runs across, and scanning it piece by piece as the page sends
 * it to the background.
 */
import { describe, expect, it } from 'vitest';
import { pieceEnd } from '../../../lib/text/pieces';
import { languageRunsOfText } from '../../../lib/lang/runs';
import { findMentions } from '../../../lib/match';
import { ScanSession } from '../../../lib/scan/session';
import { blocksBetween } from '../../../lib/scan/protocol';
import { unMatcher } from '../match/un-fixtures';

describe('pieceEnd', () => {
  it('takes the rest when it is short', () => {
    expect(pieceEnd('short text', 0, 100)).toBe(10);
    expect(pieceEnd('short text', 6, 100)).toBe(10);
  });

  it('cuts after a line break first, then after a sentence end, then at a space', () => {
    const text = 'a'.repeat(10) + ' word. Next line\nmore';
    expect(pieceEnd(text, 0, 10)).toBe(text.indexOf('\n') + 1);
    const noBreak = 'a'.repeat(10) + ' word. Next words';
    expect(pieceEnd(noBreak, 0, 10)).toBe(noBreak.indexOf('.') + 1);
    const noSentence = 'a'.repeat(10) + ' word next';
    expect(pieceEnd(noSentence, 0, 10)).toBe(11); // after the space
  });

  it('cuts after a Chinese full stop, and hard only where nothing better is near', () => {
    const zh = '联'.repeat(12) + '秘书长发言。联合国';
    expect(pieceEnd(zh, 0, 10)).toBe(zh.indexOf('。') + 1);
    const letters = 'x'.repeat(10_000);
    expect(pieceEnd(letters, 0, 100)).toBe(2_100);
  });

  it('always moves forward and ends at the text end', () => {
    const text = 'The Secretary-General spoke. '.repeat(5_000);
    const ends: number[] = [];
    for (let at = 0; at < text.length; at = pieceEnd(text, at, 4_000)) ends.push(at);
    expect(ends.every((e, k) => k === 0 || e > ends[k - 1]!)).toBe(true);
    expect(ends.length).toBeGreaterThan(30);
  });
});

describe('a long text read piece by piece', () => {
  it('finds what one whole read finds', () => {
    const paragraph =
      'The Secretary-General of the United Nations, Ban Ki-moon, addressed the General Assembly. ' +
      'Mr. Ban said UNICEF and the World Health Organization worked with UNHCR in Syria. ';
    const text = paragraph.repeat(400);
    const whole = findMentions(unMatcher, text, languageRunsOfText(text, 'en'));
    // As the page sends it to the background: piece by piece, each with its blocks.
    const session = new ScanSession(unMatcher, 'bundled', 'en');
    const found: typeof whole = [];
    for (let at = 0, seq = 0; at < text.length;) {
      const end = pieceEnd(text, at, 4_000);
      found.push(
        ...session.piece(seq++, text.slice(at, end), at, blocksBetween([{ at: 0, tag: null }], at, end)).mentions,
      );
      at = end;
    }
    const strip = (ms: typeof whole) => ms.map((m) => [m.start, m.end, m.id]);
    expect(strip(found.sort((a, b) => a.start - b.start))).toEqual(strip(whole));
    expect(whole.length).toBeGreaterThan(2_000);
  });
});
