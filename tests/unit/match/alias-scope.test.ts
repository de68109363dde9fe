/**
 * Alias scope: an alias matches in text of its own language; names written alike in several
 * languages, acronyms, and persons' Latin names match in each; with no language known, all do.
 */
import { describe, expect, it } from 'vitest';
import { compileMatcher, findMentions, loadMatcher, serializeMatcher } from '../../../lib/match';
import { languageRunsOfText } from '../../../lib/lang/runs';
import { entity } from './fixtures';

const ENTITIES = [
  entity('mauritius', 'place', {
    en: { name: 'Mauritius' },
    fr: { name: 'Maurice' },
    es: { name: 'Mauricio' },
    ru: { name: 'Маврикий' },
    zh: { name: '毛里求斯' },
    ar: { name: 'موريشيوس' },
  }),
  entity('chad', 'place', {
    en: { name: 'Chad' },
    fr: { name: 'Tchad' },
    es: { name: 'Chad' },
    ru: { name: 'Чад' },
    zh: { name: '乍得' },
    ar: { name: 'تشاد' },
  }),
  entity('unesco', 'organization', {
    en: { name: 'United Nations Educational, Scientific and Cultural Organization' },
    fr: { name: "Organisation des Nations Unies pour l'éducation, la science et la culture", short: 'UNESCO' },
    es: { name: 'Organización de las Naciones Unidas para la Educación, la Ciencia y la Cultura' },
    ru: { name: 'Организация Объединённых Наций по вопросам образования, науки и культуры', short: 'ЮНЕСКО' },
    zh: { name: '联合国教育、科学及文化组织' },
    ar: { name: 'منظمة الأمم المتحدة للتربية والعلم والثقافة' },
  }),
  entity('tedros', 'person', {
    en: { name: 'Tedros Adhanom Ghebreyesus', aliases: ['Dr Tedros'] },
    fr: { name: 'Tedros Adhanom Ghebreyesus' },
    es: { name: 'Tedros Adhanom Ghebreyesus' },
    ru: { name: 'Тедрос Адханом Гебрейесус' },
    zh: { name: '谭德塞' },
    ar: { name: 'تيدروس أدهانوم غيبريسوس' },
  }),
];
const matcher = compileMatcher(ENTITIES);

function found(text: string, lang: string | null, m = matcher): string[] {
  return findMentions(m, text, languageRunsOfText(text, lang)).map((x) => `${x.text}→${x.id}`);
}

describe('alias scope', () => {
  it('keeps a French name out of English text: Ms. Maurice is a person there', () => {
    expect(found('Ms. Maurice spoke to the council about Mauritius.', 'en')).toEqual(['Mauritius→mauritius']);
    expect(found('Le Tchad et Maurice ont signé.', 'fr')).toEqual(['Tchad→chad', 'Maurice→mauritius']);
  });

  it('matches a name written alike in two languages in both, and in neither of the others', () => {
    expect(found('Chad and Niger signed.', 'en')).toEqual(['Chad→chad']);
    expect(found('Chad y Níger firmaron.', 'es')).toEqual(['Chad→chad']);
    expect(found('Chad Dupont et Marie sont venus.', 'fr')).toEqual([]);
  });

  it('matches an exact-case acronym in every language, whichever lists it', () => {
    expect(found('UNESCO said on Monday that the site was in danger.', 'en')).toEqual(['UNESCO→unesco']);
    expect(found('ЮНЕСКО и UNESCO', 'ru')).toEqual(['ЮНЕСКО→unesco', 'UNESCO→unesco']);
  });

  it("shares a person's Latin name between English, French and Spanish", () => {
    expect(found('El Dr Tedros habló ayer en Ginebra con los periodistas.', 'es')).toEqual(['Dr Tedros→tedros']);
  });

  it('lets a Latin name quoted in a Chinese article match', () => {
    expect(found('谭德塞（Tedros Adhanom Ghebreyesus）表示，乍得和毛里求斯。', 'zh')).toEqual([
      '谭德塞→tedros',
      'Tedros Adhanom Ghebreyesus→tedros',
      '乍得→chad',
      '毛里求斯→mauritius',
    ]);
  });

  it('scopes each block by its own language: a French line in an English file', () => {
    const text =
      'Ms. Maurice met the delegation from Chad this morning in the capital.\nLe président du Tchad et le gouvernement de Maurice ont signé un accord.';
    expect(found(text, 'en')).toEqual(['Chad→chad', 'Tchad→chad', 'Maurice→mauritius']);
  });

  it('matches every alias everywhere when no language is given', () => {
    expect(findMentions(matcher, 'Ms. Maurice').map((x) => x.id)).toEqual(['mauritius']);
  });

  it('keeps the scope through serialization', () => {
    const loaded = loadMatcher(serializeMatcher(matcher));
    expect(found('Ms. Maurice spoke about Mauritius.', 'en', loaded)).toEqual(['Mauritius→mauritius']);
    expect(Array.from(loaded.variantLangs)).toEqual(Array.from(matcher.variantLangs));
  });
});
