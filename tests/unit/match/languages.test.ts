/**
 * Real-looking sentences in the six languages, against the hand-made fixture entities.
 */
import { describe, expect, it } from 'vitest';
import { findMentions } from '../../../lib/match';
import { unMatcher } from './un-fixtures';

/** [mention text, entity id] pairs found in `text`, in order. */
function found(text: string): Array<[string, string]> {
  return findMentions(unMatcher, text).map((m) => {
    expect(text.slice(m.start, m.end)).toBe(m.text);
    return [m.text, m.id];
  });
}

describe('English', () => {
  it('finds full names, acronyms and contextual aliases after a full mention', () => {
    expect(
      found('Secretary-General Ban Ki-moon addressed the General Assembly. The UN chief said the Assembly must act.'),
    ).toEqual([
      ['Secretary-General', 'ban-ki-moon'],
      ['Ban Ki-moon', 'ban-ki-moon'],
      ['General Assembly', 'un-general-assembly'],
      ['UN', 'united-nations'],
      ['the Assembly', 'un-general-assembly'],
    ]);
  });

  it('never matches an acronym in another case: "who" is not WHO', () => {
    expect(found('People who said so were told by WHO officials; Who knows.')).toEqual([['WHO', 'who']]);
  });

  it('matches a name across a line break and odd spaces', () => {
    expect(found('the United\nNations and the United\u00a0\u00a0Nations')).toEqual([
      ['United\nNations', 'united-nations'],
      ['United\u00a0\u00a0Nations', 'united-nations'],
    ]);
  });

  it('prefers the longest name at the same start', () => {
    expect(found('The United Nations General Assembly met.')).toEqual([
      ['United Nations General Assembly', 'un-general-assembly'],
    ]);
  });

  it('respects word boundaries', () => {
    expect(found('UNESCOS, UNWTO and sUN are not UN; (UN) and UN-backed are')).toEqual([
      ['UN', 'united-nations'],
      ['UN', 'united-nations'],
      ['UN', 'united-nations'],
    ]);
  });
});

describe('French', () => {
  it('keeps the elided article outside the mention', () => {
    expect(found("La Secrétaire générale de l'ONU et l’Assemblée générale, dell'ONU, d’UNESCO.")).toEqual([
      ['ONU', 'united-nations'],
      ['Assemblée générale', 'un-general-assembly'],
      ['ONU', 'united-nations'],
      ['UNESCO', 'unesco'],
    ]);
  });

  it('ignores accents and case in full names but not in acronyms', () => {
    expect(found('les NATIONS UNIES et les nations unies; un onu')).toEqual([
      ['NATIONS UNIES', 'united-nations'],
      ['nations unies', 'united-nations'],
    ]);
  });
});

describe('Spanish', () => {
  it('finds "las Naciones Unidas" and OMS', () => {
    expect(found('El Secretario General de las Naciones Unidas y la OMS.')).toEqual([
      ['Naciones Unidas', 'united-nations'],
      ['OMS', 'who'],
    ]);
  });
});

describe('Russian', () => {
  it('matches generated case forms of names', () => {
    expect(found('Генеральный секретарь Организации Объединённых Наций Пан Ги Мун')).toEqual([
      ['Генеральный секретарь', 'ban-ki-moon'],
      ['Организации Объединённых Наций', 'united-nations'],
      ['Пан Ги Мун', 'ban-ki-moon'],
    ]);
    expect(
      found('встреча Генерального секретаря Пан Ги Муна с Генеральной Ассамблеей и Советом Безопасности ООН'),
    ).toEqual([
      ['Генерального секретаря', 'ban-ki-moon'],
      ['Пан Ги Муна', 'ban-ki-moon'],
      ['Генеральной Ассамблеей', 'un-general-assembly'],
      ['Советом Безопасности', 'security-council'],
      ['ООН', 'united-nations'],
    ]);
  });

  it('treats ё and е alike and matches an instrumental case ending in ё', () => {
    expect(found('Пан Ги Мун стал Генеральным секретарём; Организацией Объединенных Наций')).toEqual([
      ['Пан Ги Мун', 'ban-ki-moon'],
      ['Генеральным секретарём', 'ban-ki-moon'],
      ['Организацией Объединенных Наций', 'united-nations'],
    ]);
  });

  it('declines places and keeps acronyms exact', () => {
    expect(found('в Сирии и о Сирии; ООН, а не оон')).toEqual([
      ['Сирии', 'syria'],
      ['Сирии', 'syria'],
      ['ООН', 'united-nations'],
    ]);
  });
});

describe('Chinese', () => {
  it('matches inside a run of Han characters', () => {
    expect(found('联合国秘书长潘基文今天在联大发言。')).toEqual([
      ['联合国', 'united-nations'],
      ['秘书长', 'ban-ki-moon'],
      ['潘基文', 'ban-ki-moon'],
      ['联大', 'un-general-assembly'],
    ]);
  });

  it('prefers the longest pattern in an unspaced run', () => {
    expect(found('世界卫生组织和联合国大会')).toEqual([
      ['世界卫生组织', 'who'],
      ['联合国大会', 'un-general-assembly'],
    ]);
  });

  it('matches a Latin acronym glued to Chinese text', () => {
    expect(found('联合国教科文组织(UNESCO)和WHO的')).toEqual([
      ['联合国', 'united-nations'],
      ['UNESCO', 'unesco'],
      ['WHO', 'who'],
    ]);
  });
});

describe('Arabic', () => {
  it('matches after the proclitic لل with the alif dropped', () => {
    expect(found('الأمين العام للأمم المتحدة بان كي مون')).toEqual([
      ['الأمين العام', 'ban-ki-moon'],
      ['لأمم المتحدة', 'united-nations'],
      ['بان كي مون', 'ban-ki-moon'],
    ]);
  });

  it('matches after و, ب and بال and excludes them from the span', () => {
    expect(found('والأمم المتحدة وبالأمم المتحدة واليونسكو وبيونسكو')).toEqual([
      ['الأمم المتحدة', 'united-nations'],
      ['الأمم المتحدة', 'united-nations'],
      ['اليونسكو', 'unesco'],
      ['يونسكو', 'unesco'],
    ]);
  });

  it('ignores harakat and tatweel, and rejects names glued to other words', () => {
    expect(found('الأُمَمُ المُتّـحِدة')).toEqual([['الأُمَمُ المُتّـحِدة', 'united-nations']]);
    expect(found('سورياتي ومسوريا وسوريا')).toEqual([['سوريا', 'syria']]);
  });

  it('prefers the longest name', () => {
    expect(found('الجمعية العامة للأمم المتحدة')).toEqual([['الجمعية العامة للأمم المتحدة', 'un-general-assembly']]);
  });
});
