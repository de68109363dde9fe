/**
 * A small hand-made slice of the dataset, so behaviour tests do not depend on the data
 * being written in parallel: the UN, the General Assembly, two Secretaries-General, WHO,
 * UNAOC and a few places, with the aliases the dataset conventions call for.
 */
import { compileMatcher } from '../../../lib/match/compile';
import type { Entity } from '../../../lib/dataset/schema';
import { ctx, entity } from './fixtures';

const exact = (text: string) => ({ text, caseSensitive: true });

export const UN_ENTITIES: Entity[] = [
  entity(
    'united-nations',
    'organization',
    {
      en: { name: 'United Nations', short: 'UN', aliases: [exact('U.N.')] },
      fr: { name: 'Organisation des Nations Unies', short: 'ONU', aliases: ['Nations Unies'] },
      es: { name: 'Organización de las Naciones Unidas', short: 'ONU', aliases: ['Naciones Unidas'] },
      ru: { name: 'Организация Объединённых Наций', short: 'ООН' },
      zh: { name: '联合国' },
      ar: { name: 'الأمم المتحدة', aliases: ['منظمة الأمم المتحدة'] },
    },
    { facts: { founded: '1945-10-24' } },
  ),
  entity(
    'un-general-assembly',
    'organization',
    {
      en: { name: 'United Nations General Assembly', aliases: ['General Assembly', ctx('the Assembly')] },
      fr: { name: 'Assemblée générale des Nations Unies', aliases: ['Assemblée générale', ctx('Assemblée')] },
      es: { name: 'Asamblea General de las Naciones Unidas', aliases: ['Asamblea General'] },
      ru: { name: 'Генеральная Ассамблея ООН', aliases: ['Генеральная Ассамблея'] },
      zh: { name: '联合国大会', aliases: ['联大'] },
      ar: { name: 'الجمعية العامة للأمم المتحدة', aliases: ['الجمعية العامة'] },
    },
    { facts: { parent: 'united-nations', founded: '1945' } },
  ),
  entity(
    'ban-ki-moon',
    'person',
    {
      en: {
        name: 'Ban Ki-moon',
        aliases: [ctx('Mr. Ban'), { text: 'Ban', caseSensitive: true, contextual: true }, ctx('Secretary-General')],
      },
      fr: { name: 'Ban Ki-moon', aliases: [ctx('M. Ban'), ctx('Secrétaire général')] },
      es: { name: 'Ban Ki-moon', aliases: [ctx('Sr. Ban'), ctx('Secretario General')] },
      ru: { name: 'Пан Ги Мун', aliases: [ctx('г-н Пан'), ctx('Генеральный секретарь')] },
      zh: { name: '潘基文', aliases: [ctx('秘书长')] },
      ar: { name: 'بان كي مون', aliases: [ctx('الأمين العام')] },
    },
    {
      facts: {
        offices: [
          {
            role: { en: 'SG', fr: 'SG', es: 'SG', ru: 'SG', zh: 'SG', ar: 'SG' },
            organization: 'united-nations',
            from: '2007-01-01',
            to: '2016-12-31',
          },
        ],
      },
      related: ['united-nations', 'unaoc'],
    },
  ),
  entity(
    'antonio-guterres',
    'person',
    {
      en: { name: 'António Guterres', aliases: [ctx('Mr. Guterres'), ctx('Secretary-General')] },
      fr: { name: 'António Guterres', aliases: [ctx('M. Guterres'), ctx('Secrétaire général')] },
      es: { name: 'António Guterres', aliases: [ctx('Secretario General')] },
      ru: { name: 'Антониу Гутерриш', aliases: [ctx('Генеральный секретарь')] },
      zh: { name: '古特雷斯', aliases: [ctx('秘书长')] },
      ar: { name: 'أنطونيو غوتيريش', aliases: [ctx('الأمين العام')] },
    },
    {
      facts: {
        offices: [
          {
            role: { en: 'SG', fr: 'SG', es: 'SG', ru: 'SG', zh: 'SG', ar: 'SG' },
            organization: 'united-nations',
            from: '2017-01-01',
          },
        ],
      },
      related: ['united-nations'],
    },
  ),
  entity('who', 'organization', {
    en: { name: 'World Health Organization', short: 'WHO' },
    fr: { name: 'Organisation mondiale de la santé', short: 'OMS' },
    es: { name: 'Organización Mundial de la Salud', short: 'OMS' },
    ru: { name: 'Всемирная организация здравоохранения', short: 'ВОЗ' },
    zh: { name: '世界卫生组织', short: '世卫组织' },
    ar: { name: 'منظمة الصحة العالمية' },
  }),
  entity(
    'unaoc',
    'organization',
    {
      en: {
        name: 'United Nations Alliance of Civilizations',
        short: 'UNAOC',
        aliases: ['Alliance of Civilizations', ctx('the Alliance')],
      },
      fr: {
        name: 'Alliance des civilisations des Nations Unies',
        short: 'UNAOC',
        aliases: ['Alliance des civilisations', ctx("l'Alliance")],
      },
      es: {
        name: 'Alianza de Civilizaciones de las Naciones Unidas',
        short: 'UNAOC',
        aliases: ['Alianza de Civilizaciones'],
      },
      ru: {
        name: 'Альянс цивилизаций Организации Объединённых Наций',
        short: 'ЮНАОК',
        aliases: ['Альянс цивилизаций'],
      },
      zh: { name: '联合国不同文明联盟', aliases: ['不同文明联盟'] },
      ar: { name: 'تحالف الأمم المتحدة للحضارات', aliases: ['تحالف الحضارات'] },
    },
    { facts: { parent: 'united-nations', founded: '2005' } },
  ),
  entity('unesco', 'organization', {
    en: { name: 'United Nations Educational, Scientific and Cultural Organization', short: 'UNESCO' },
    fr: { name: "Organisation des Nations Unies pour l'éducation, la science et la culture", short: 'UNESCO' },
    ar: { name: 'منظمة الأمم المتحدة للتربية والعلم والثقافة', short: 'اليونسكو', aliases: ['يونسكو'] },
  }),
  entity('syria', 'place', {
    en: { name: 'Syria' },
    ru: { name: 'Сирия' },
    ar: { name: 'سوريا' },
    zh: { name: '叙利亚' },
  }),
  entity('security-council', 'organization', {
    en: { name: 'Security Council' },
    ru: { name: 'Совет Безопасности' },
  }),
];

export const unMatcher = compileMatcher(UN_ENTITIES);
