/**
 * A name shared by several entities keeps every candidate, ranked by evidence in the same
 * document (linked entities named, years near the mention), ties broken by id.
 */
import { describe, expect, it } from 'vitest';
import { compileMatcher, createDocumentScan, findMentions } from '../../../lib/match';
import type { Entity } from '../../../lib/dataset/schema';
import { entity } from './fixtures';

const ENTITIES: Entity[] = [
  entity('united-nations', 'organization', { en: { name: 'United Nations', short: 'UN' } }),
  entity(
    'geneva-conference-1954',
    'event',
    { en: { name: 'Geneva Conference' } },
    { facts: { start: '1954-04-26', end: '1954-07-20' } },
  ),
  entity(
    'geneva-conference-1932',
    'event',
    { en: { name: 'Geneva Conference' } },
    { facts: { start: '1932-02-02', end: '1934' } },
  ),
  entity(
    'international-law-commission',
    'organization',
    { en: { name: 'International Law Commission', short: 'ILC' } },
    { related: ['united-nations'] },
  ),
  entity('illinois-lottery-commission', 'organization', { en: { name: 'Illinois Lottery Commission', short: 'ILC' } }),
  entity('kofi-annan', 'person', { en: { name: 'Kofi Annan' } }),
  entity(
    'mr-smith-sg',
    'person',
    { en: { name: 'John Smith' } },
    {
      facts: {
        offices: [
          {
            role: { en: 'x', fr: 'x', es: 'x', ru: 'x', zh: 'x', ar: 'x' },
            organization: 'united-nations',
            from: '1990',
            to: '1995',
          },
        ],
      },
    },
  ),
  entity('john-smith-musician', 'person', { en: { name: 'John Smith' } }, { related: ['kofi-annan'] }),
];

const matcher = compileMatcher(ENTITIES);
const only = (text: string, surface: string) => findMentions(matcher, text).find((m) => m.text === surface)!;

describe('ambiguous names', () => {
  it('yields every candidate, best first', () => {
    const m = only('The Geneva Conference opened.', 'Geneva Conference');
    expect(m.candidates.sort()).toEqual(['geneva-conference-1932', 'geneva-conference-1954']);
    expect(m.candidates).toContain(m.id);
  });

  it('breaks ties by id, whatever the order of the entities', () => {
    const reversed = compileMatcher([...ENTITIES].reverse());
    for (const mm of [matcher, reversed]) {
      const m = findMentions(mm, 'The Geneva Conference opened.')[0]!;
      expect(m.candidates).toEqual(['geneva-conference-1932', 'geneva-conference-1954']);
      expect(m.id).toBe('geneva-conference-1932');
    }
  });

  it('prefers the candidate whose dates match a year near the mention', () => {
    expect(only('In April 1954 the Geneva Conference opened.', 'Geneva Conference').id).toBe('geneva-conference-1954');
    expect(only('The Geneva Conference (1933) stalled.', 'Geneva Conference').id).toBe('geneva-conference-1932');
  });

  it('ignores years further than 300 characters away', () => {
    const text = `In 1954, ${'filler words '.repeat(40)} the Geneva Conference opened.`;
    expect(only(text, 'Geneva Conference').id).toBe('geneva-conference-1932');
  });

  it('prefers the candidate whose related entities are named in the document', () => {
    expect(only('The United Nations asked the ILC for advice.', 'ILC').candidates).toEqual([
      'international-law-commission',
      'illinois-lottery-commission',
    ]);
    expect(only('Kofi Annan met John Smith.', 'John Smith').id).toBe('john-smith-musician');
  });

  it('counts offices both as links and as dated facts', () => {
    expect(only('In 1992 the UN said John Smith would lead.', 'John Smith').id).toBe('mr-smith-sg');
  });

  it('reports the kind of the best candidate', () => {
    const m = only('The Geneva Conference opened.', 'Geneva Conference');
    expect(m.kind).toBe('event');
  });

  it('re-ranks earlier mentions with evidence from later slices, keeping unchanged ones', () => {
    const scan = createDocumentScan(matcher);
    const [ilc] = scan.add('The ILC met. The Geneva Conference opened.', 0);
    expect(ilc!.candidates).toEqual(['illinois-lottery-commission', 'international-law-commission']);
    scan.add('Later the United Nations spoke.', 100);
    const [ilcAfter, geneva] = scan.results();
    expect(ilcAfter!.candidates).toEqual(['international-law-commission', 'illinois-lottery-commission']);
    expect(ilcAfter!.text).toBe('ILC');
    expect(geneva!.id).toBe('geneva-conference-1932');
  });
});
