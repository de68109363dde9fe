/**
 * The background's end of the page scan: pieces sent one by one give the mentions one scan
 * of the whole text gives, contextual aliases resolve across pieces, and each block's
 * language comes from its lang attribute checked against its own text.
 */
import { describe, expect, it } from 'vitest';
import { findMentions, type Mention } from '../../../lib/match';
import { ScanSession, runsOfBlocks } from '../../../lib/scan/session';
import { blocksBetween, type WireBlock } from '../../../lib/scan/protocol';
import { unMatcher } from '../match/un-fixtures';

const brief = (mentions: Mention[]) => mentions.map((m) => [m.start, m.text, m.id]);

const ENGLISH = 'The Secretary-General spoke to the press about the work of the organization today.';
const FRENCH = "Le Secrétaire général s'est adressé à la presse au sujet du travail de l'organisation.";

describe('a page scanned piece by piece in the background', () => {
  it('finds what one scan of the whole text finds, at the same offsets', () => {
    const text = 'Ban Ki-moon spoke.\u0000The United Nations met; the Assembly voted.\u0000Mr. Ban then left UNESCO.';
    const session = new ScanSession(unMatcher, 'bundled', 'en');
    const cuts = [0, 19, 63, text.length];
    const found: Mention[] = [];
    for (let k = 0; k + 1 < cuts.length; k++) {
      const reply = session.piece(k, text.slice(cuts[k], cuts[k + 1]), cuts[k]!, [{ at: 0, tag: null }]);
      expect(reply.seq).toBe(k);
      expect(reply.matcher).toBe('bundled');
      found.push(...reply.mentions);
    }
    expect(brief(found.sort((a, b) => a.start - b.start))).toEqual(brief(findMentions(unMatcher, text)));
    for (const m of found) expect(text.slice(m.start, m.end)).toBe(m.text);
  });

  it('answers a headline alias when a later piece names its entity in full', () => {
    const session = new ScanSession(unMatcher, 'bundled', null);
    const first = session.piece(1, 'Ban hails the work of the organization', 0, [{ at: 0, tag: null }]);
    expect(first.mentions).toEqual([]);
    const second = session.piece(2, 'Secretary-General Ban Ki-moon today lauded it.', 40, [{ at: 0, tag: null }]);
    expect(second.mentions.map((m) => [m.text, m.start])).toContainEqual(['Ban', 0]);
  });

  it("decides the page's language from its lang attribute and the first text", () => {
    expect(new ScanSession(unMatcher, 'bundled', null).piece(1, FRENCH, 0, [{ at: 0, tag: null }]).pageLanguage).toBe(
      'fr',
    );
    expect(
      new ScanSession(unMatcher, 'bundled', 'en').piece(1, 'Генеральная Ассамблея собралась сегодня.', 0, [
        { at: 0, tag: null },
      ]).pageLanguage,
    ).toBe('ru');
    expect(new ScanSession(unMatcher, 'bundled', 'fr').piece(1, FRENCH, 0, [{ at: 0, tag: null }]).pageLanguage).toBe(
      'fr',
    );
    expect(new ScanSession(unMatcher, 'bundled', null).piece(1, '   ', 0, []).pageLanguage).toBeNull();
  });
});

describe('language runs of a piece', () => {
  it("gives each block its declared language, the page's where none is declared", () => {
    const text = `${ENGLISH}\u0000${FRENCH}`;
    const runs = runsOfBlocks(
      text,
      [
        { at: 0, tag: null },
        { at: ENGLISH.length + 1, tag: 'fr' },
      ],
      'en',
    );
    expect(runs.languageAt(0)).toBe('en');
    expect(runs.languageAt(ENGLISH.length + 5)).toBe('fr');
  });

  it("lets a block's text overrule a declaration of another script", () => {
    const runs = runsOfBlocks(
      'Генеральная Ассамблея Организации Объединённых Наций собралась.',
      [{ at: 0, tag: 'en' }],
      'en',
    );
    expect(runs.languageAt(3)).toBe('ru');
  });
});

describe('the blocks of a piece', () => {
  const blocks: WireBlock[] = [
    { at: 0, tag: null },
    { at: 10, tag: 'fr' },
    { at: 30, tag: null },
  ];
  it('starts with the block holding the piece, at 0', () => {
    expect(blocksBetween(blocks, 15, 40)).toEqual([
      { at: 0, tag: 'fr' },
      { at: 15, tag: null },
    ]);
    expect(blocksBetween(blocks, 0, 10)).toEqual([{ at: 0, tag: null }]);
    expect(blocksBetween(blocks, 30, 31)).toEqual([{ at: 0, tag: null }]);
  });
});
