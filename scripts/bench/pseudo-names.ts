/**
 * Deterministic pseudo-entities for the term packs: made-up names in the six languages, in
 * Latin, Cyrillic, Han and Arabic script, shaped like the real data (organization names with
 * a head noun and an acronym, person names, events, places). Made-up words rarely occur in
 * real text, so a 100k pack adds automaton size and depth without adding spurious mentions;
 * real head nouns ("Council", "Conseil", 委员会) keep the shared prefixes realistic.
 */
import type { Entity, Kind, Lang } from '../../lib/dataset/schema';
import type { Rng } from './prng';

const LATIN = [
  'ba',
  'ko',
  'ri',
  'ta',
  'mu',
  'le',
  'no',
  'vi',
  'sa',
  'du',
  'ge',
  'pa',
  'zo',
  'fi',
  'ka',
  'lu',
  'me',
  'ro',
  'ti',
  'ne',
  'va',
  'so',
  'bi',
  'ma',
  'de',
  'ra',
  'lo',
  'ki',
  'tu',
  'ze',
];
// The same syllables in Cyrillic, so one entity's names agree across scripts like real names do.
const CYRILLIC = [
  'ба',
  'ко',
  'ри',
  'та',
  'му',
  'ле',
  'но',
  'ви',
  'са',
  'ду',
  'ге',
  'па',
  'зо',
  'фи',
  'ка',
  'лу',
  'ме',
  'ро',
  'ти',
  'не',
  'ва',
  'со',
  'би',
  'ма',
  'де',
  'ра',
  'ло',
  'ки',
  'ту',
  'зе',
];
const ARABIC = [
  'ب',
  'ك',
  'ر',
  'ت',
  'م',
  'ل',
  'ن',
  'ف',
  'س',
  'د',
  'ج',
  'ب',
  'ز',
  'ف',
  'ق',
  'ل',
  'م',
  'ر',
  'ط',
  'ن',
  'و',
  'ص',
  'ب',
  'م',
  'د',
  'ر',
  'ل',
  'ك',
  'ت',
  'ز',
];
const LONG_VOWEL = ['ا', 'و', 'ي', ''];

const HEADS: Record<Exclude<Kind, 'office'>, Record<Lang, string[]>> = {
  organization: {
    en: ['Agency', 'Council', 'Fund', 'Programme', 'Commission', 'Office', 'Institute', 'Authority'],
    fr: ['Agence', 'Conseil', 'Fonds', 'Programme', 'Commission', 'Bureau', 'Institut', 'Autorité'],
    es: ['Agencia', 'Consejo', 'Fondo', 'Programa', 'Comisión', 'Oficina', 'Instituto', 'Autoridad'],
    ru: ['Агентство', 'Совет', 'Фонд', 'Программа', 'Комиссия', 'Управление', 'Институт', 'Орган'],
    zh: ['署', '理事会', '基金', '规划署', '委员会', '办事处', '研究所', '管理局'],
    ar: ['وكالة', 'مجلس', 'صندوق', 'برنامج', 'لجنة', 'مكتب', 'معهد', 'سلطة'],
  },
  event: {
    en: ['Summit', 'Conference', 'Forum', 'Decade'],
    fr: ['Sommet', 'Conférence', 'Forum', 'Décennie'],
    es: ['Cumbre', 'Conferencia', 'Foro', 'Decenio'],
    ru: ['Саммит', 'Конференция', 'Форум', 'Десятилетие'],
    zh: ['峰会', '会议', '论坛', '十年'],
    ar: ['قمة', 'مؤتمر', 'منتدى', 'عقد'],
  },
  person: { en: [''], fr: [''], es: [''], ru: [''], zh: [''], ar: [''] },
  place: { en: [''], fr: [''], es: [''], ru: [''], zh: [''], ar: [''] },
};

/** A made-up word: syllable indices, rendered in each script. */
type Word = number[];

function word(rng: Rng, minSyllables = 2): Word {
  return Array.from({ length: rng.range(minSyllables, 4) }, () => rng.int(LATIN.length));
}
const cap = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);
const latin = (w: Word): string => cap(w.map((s) => LATIN[s]!).join(''));
const cyrillic = (w: Word): string => cap(w.map((s) => CYRILLIC[s]!).join(''));
const arabic = (w: Word, article: boolean): string =>
  (article ? 'ال' : '') + w.map((s, k) => ARABIC[s]! + LONG_VOWEL[(s + k) % 4]!).join('');
const han = (w: Word, pool: readonly string[]): string =>
  w.map((s, k) => pool[(s * 31 + k * 7 + w.length) % pool.length]!).join('');
const initials = (words: string[]): string => words.map((w) => w.charAt(0).toUpperCase()).join('');

/** The names of one pseudo-entity in the six languages (index picks the kind). */
export function pseudoEntity(index: number, rng: Rng, hanPool: readonly string[]): Entity {
  const kinds: Exclude<Kind, 'office'>[] = ['organization', 'person', 'event', 'place'];
  const kind = kinds[index % kinds.length]!;
  // Places are one word: at least three syllables, so it is not an everyday word ("Male", "Sole").
  const words = [word(rng, kind === 'place' ? 3 : 2), word(rng)];
  const head = rng.int(8);
  const h = (lang: Lang): string => HEADS[kind][lang][head % HEADS[kind][lang].length]!;
  const names: Record<Lang, { name: string; short?: string; aliases: Entity['names']['en']['aliases'] }> = {
    en: { name: '', aliases: [] },
    fr: { name: '', aliases: [] },
    es: { name: '', aliases: [] },
    ru: { name: '', aliases: [] },
    zh: { name: '', aliases: [] },
    ar: { name: '', aliases: [] },
  };
  const lat = words.map(latin);
  const cyr = words.map(cyrillic);
  if (kind === 'organization' || kind === 'event') {
    names.en.name = `${lat.join(' ')} ${h('en')}`;
    names.fr.name = `${h('fr')} ${kind === 'event' ? 'de' : 'pour le'} ${lat.join(' ')}`;
    names.es.name = `${h('es')} de ${lat.join(' ')}`;
    names.ru.name = `${h('ru')} ${cyr.join(' ')}`;
    names.zh.name = words.map((w) => han(w, hanPool)).join('') + h('zh');
    names.ar.name = `${h('ar')} ${words.map((w, k) => arabic(w, k === 1)).join(' ')}`;
    if (kind === 'organization') {
      names.en.short = initials(names.en.name.split(' '));
      names.fr.short = initials([h('fr'), ...lat]);
      names.ru.short = initials(names.ru.name.split(' '));
      names.zh.short = han(words[0]!, hanPool) + h('zh');
    }
  } else if (kind === 'person') {
    for (const l of ['en', 'fr', 'es'] as const) names[l].name = lat.join(' ');
    names.ru.name = cyr.join(' ');
    names.zh.name = han(words[1]!.slice(0, 1), hanPool) + han(words[0]!.slice(0, 2), hanPool);
    names.ar.name = words.map((w) => arabic(w, false)).join(' ');
    // The family name alone, as a contextual alias (like "Guterres" for António Guterres).
    names.en.aliases.push({ text: lat[1]!, contextual: true });
  } else {
    for (const l of ['en', 'fr', 'es'] as const) names[l].name = lat[0]!;
    names.ru.name = cyr[0]!;
    names.zh.name = han(words[0]!, hanPool);
    names.ar.name = arabic(words[0]!, rng.chance(0.3));
  }
  const summary = 'A synthetic entity generated for the matcher benchmark.';
  return {
    id: `bench-${String(index).padStart(6, '0')}`,
    kind,
    names: Object.fromEntries(Object.entries(names).map(([l, n]) => [l, { ...n, summary }])) as Entity['names'],
    facts: {},
    related: [],
    sources: ['https://example.org/context-lens-bench'],
    reviewed: '2025-01-01',
  };
}
