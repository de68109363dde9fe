/**
 * An office named in a document confirms its holders' contextual aliases ("the WHO chief ...
 * Tedros"), and the office's mentions then name that holder; a holder named in full still wins.
 */
import { describe, expect, it } from 'vitest';
import { compileMatcher, findMentions } from '../../../lib/match';
import { entity } from './fixtures';

const role = { en: 'DG', fr: 'DG', es: 'DG', ru: 'DG', zh: 'DG', ar: 'DG' };
const ENTITIES = [
  entity('who', 'organization', { en: { name: 'World Health Organization', short: 'WHO' } }),
  entity(
    'who-director-general',
    'office',
    { en: { name: 'Director-General of the World Health Organization', aliases: ['WHO chief'] } },
    { facts: { parent: 'who' } },
  ),
  entity(
    'tedros',
    'person',
    {
      en: { name: 'Tedros Adhanom Ghebreyesus', aliases: [{ text: 'Tedros', caseSensitive: true, contextual: true }] },
    },
    { facts: { offices: [{ role, organization: 'who', office: 'who-director-general', from: '2017-07-01' }] } },
  ),
  entity(
    'margaret-chan',
    'person',
    { en: { name: 'Margaret Chan', aliases: [{ text: 'Chan', caseSensitive: true, contextual: true }] } },
    {
      facts: {
        offices: [{ role, organization: 'who', office: 'who-director-general', from: '2007-01-04', to: '2017-06-30' }],
      },
    },
  ),
];
const matcher = compileMatcher(ENTITIES);
const found = (text: string) => findMentions(matcher, text).map((m) => `${m.text}→${m.id}`);

describe('office holders', () => {
  it('a contextual alias alone is not a mention', () => {
    expect(found('Tedros said the virus was spreading.')).toEqual([]);
  });

  it('an office named in the document confirms its holder, and then names him', () => {
    expect(found('The WHO chief warned on Monday. As a child, Tedros saw malaria.')).toEqual([
      'WHO chief→tedros',
      'Tedros→tedros',
    ]);
  });

  it('a holder named in full is preferred to one named only by a contextual alias', () => {
    expect(found('Margaret Chan met the WHO chief; Tedros was there.')[1]).toBe('WHO chief→margaret-chan');
  });
});

describe('places confirmed by their neighbours', () => {
  const places = [
    entity('mali', 'place', {
      en: { name: 'Mali' },
      ar: { name: 'جمهورية مالي', aliases: [{ text: 'مالي', contextual: true, note: 'also "financial"' }] },
    }),
    entity('bamako', 'place', { en: { name: 'Bamako' }, ar: { name: 'باماكو' } }, { facts: { location: 'mali' } }),
    entity('egypt', 'place', { en: { name: 'Egypt' }, ar: { name: 'مصر' } }),
  ];
  const m = compileMatcher(places);
  const ids = (text: string) => findMentions(m, text).map((x) => `${x.text}→${x.id}`);

  it('a contextual place name counts where a neighbour (its capital) is named', () => {
    expect(ids('وصل الوفد إلى باماكو عاصمة مالي')).toEqual(['باماكو→bamako', 'مالي→mali']);
  });

  it('and not where nothing near it is: «دعم مالي» is financial support', () => {
    expect(ids('تقديم دعم مالي إلى مصر')).toEqual(['مصر→egypt']);
  });
});
