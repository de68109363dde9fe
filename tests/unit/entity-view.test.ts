import { describe, expect, test } from 'vitest';
import { entityView, formatDateRange, formatPartialDate } from '../../lib/entity-view';
import type { Entity } from '../../lib/dataset/schema';

const labels = { present: 'present', founded: (d: string) => `Founded ${d}`, born: (d: string) => `Born ${d}` };

const person: Entity = {
  id: 'ban-ki-moon',
  kind: 'person',
  names: {
    en: { name: 'Ban Ki-moon', aliases: [], summary: 'Eighth Secretary-General of the United Nations, 2007 to 2016.' },
    fr: { name: 'Ban Ki-moon', aliases: [], summary: 'Huitième Secrétaire général de l’ONU, de 2007 à 2016.' },
    es: {
      name: 'Ban Ki-moon',
      aliases: [],
      summary: 'Octavo Secretario General de las Naciones Unidas, de 2007 a 2016.',
    },
    ru: { name: 'Пан Ги Мун', aliases: [], summary: 'Восьмой Генеральный секретарь ООН в 2007–2016 годах.' },
    zh: { name: '潘基文', aliases: [], summary: '联合国第八任秘书长，任期为2007年至2016年。' },
    ar: { name: 'بان كي مون', aliases: [], summary: 'الأمين العام الثامن للأمم المتحدة من 2007 إلى 2016.' },
  },
  facts: {
    offices: [
      {
        role: {
          en: 'Secretary-General',
          fr: 'Secrétaire général',
          es: 'Secretario General',
          ru: 'Генеральный секретарь',
          zh: '秘书长',
          ar: 'الأمين العام',
        },
        from: '2007-01-01',
        to: '2016-12-31',
      },
    ],
  },
  related: [],
  sources: ['https://www.un.org/sg/en/content/ban-ki-moon'],
  reviewed: '2026-11-22',
};

describe('entity view', () => {
  test('formats dates with the precision they have', () => {
    expect(formatPartialDate('2005', 'en')).toBe('2005');
    expect(formatPartialDate('2013-02', 'en')).toBe('Feb 2013');
    expect(formatPartialDate('2013-02-27', 'en')).toBe('Feb 27, 2013');
    expect(formatPartialDate('2013-02-27', 'fr')).toBe('27 févr. 2013');
  });

  test('an open range ends with "present"', () => {
    expect(formatDateRange('2019', undefined, 'en', 'present')).toBe('2019 – present');
  });

  test('shows the role in the content language and the dates in the UI locale', () => {
    const view = entityView(person, 'ar', 'en', labels);
    expect(view.name).toBe('بان كي مون');
    expect(view.roles).toEqual([{ role: 'الأمين العام', range: 'Jan 1, 2007 – Dec 31, 2016' }]);
    expect(view.names.map((n) => n.lang)).toEqual(['en', 'fr', 'es', 'ru', 'zh', 'ar']);
  });

  test('an organization shows its founding date', () => {
    const org: Entity = { ...person, id: 'x', kind: 'organization', facts: { founded: '1945-10-24' } };
    expect(entityView(org, 'en', 'en', labels).dates).toBe('Founded Oct 24, 1945');
  });
});
