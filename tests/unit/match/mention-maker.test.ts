/**
 * The document scan's Mention objects (mention-maker.ts): shared candidate lists for names
 * with one candidate, and a held mention's object kept when re-ranking changes nothing.
 */
import { describe, expect, it } from 'vitest';
import { createDocumentScan, findMentions } from '../../../lib/match';
import { unMatcher } from './un-fixtures';

describe('mention objects', () => {
  it('gives every mention of an entity with one candidate the same frozen candidate list', () => {
    const found = findMentions(unMatcher, 'The United Nations met. Later the United Nations voted.');
    const un = found.filter((m) => m.id === 'united-nations');
    expect(un).toHaveLength(2);
    expect(un[0]!.candidates).toEqual(['united-nations']);
    expect(un[1]!.candidates).toBe(un[0]!.candidates);
    expect(Object.isFrozen(un[0]!.candidates)).toBe(true);
  });

  it('keeps a held mention when a later slice leaves its ranking as it was', () => {
    const scan = createDocumentScan(unMatcher);
    const text = 'Ban Ki-moon and António Guterres met. The Secretary-General said hello.';
    const sg = scan.add(text).find((m) => m.text === 'Secretary-General')!;
    expect(sg.candidates).toEqual(['antonio-guterres', 'ban-ki-moon']);
    scan.add(' António Guterres spoke. António Guterres said more.', text.length);
    expect(scan.results().find((m) => m.start === sg.start)).toBe(sg);
  });

  it('makes a new mention when a later slice changes the ranking', () => {
    const scan = createDocumentScan(unMatcher);
    const text = 'Ban Ki-moon spoke. The Secretary-General said hello.';
    const sg = scan.add(text).find((m) => m.text === 'Secretary-General')!;
    expect(sg.candidates).toEqual(['ban-ki-moon']);
    scan.add(' António Guterres spoke.', text.length);
    const after = scan.results().find((m) => m.start === sg.start)!;
    expect(after).not.toBe(sg);
    expect(after.id).toBe('ban-ki-moon');
    expect(after.candidates).toEqual(['ban-ki-moon', 'antonio-guterres']);
  });
});
