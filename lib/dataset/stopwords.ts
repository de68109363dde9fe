/**
 * Words that must never be matched as names on their own, per language: the language's
 * function words ("who" is not WHO, "un"/"une" are articles, «того» is not Togo), from the
 * registry's `stopword` lists (stopword-lists.ts, generated), and the generic words of this
 * domain that name a kind of body rather than one body ("council", "fund", «комитет»). An
 * alias equal to one of these is allowed only as a case-sensitive acronym (WHO) or as a
 * case-sensitive contextual mention (Ban, after "Ban Ki-moon"); the matcher also keeps a
 * capitalized one-word name equal to a function word from matching at a sentence start.
 */
import type { Lang } from './basics';
import { STOPWORD_LISTS } from './stopword-lists';

/** Generic words of UN naming, per language: a kind of body, never one body. */
const GENERIC_BODY_WORDS: Record<Lang, string> = {
  en: 'state states union court fund bank council assembly office mission agency secretariat committee commission forum summit',
  fr: 'état états union cour fonds banque conseil assemblée bureau mission agence secrétariat comité commission forum sommet',
  es: 'estado estados unión corte fondo banco consejo asamblea oficina misión agencia secretaría comité comisión foro cumbre',
  ru: 'союз суд фонд банк совет ассамблея бюро миссия агентство секретариат комитет комиссия форум саммит',
  zh: '联合 组织 委员会 理事会 大会 秘书处 基金 银行',
  ar: 'مجلس جمعية محكمة صندوق بنك مكتب بعثة وكالة أمانة لجنة منتدى قمة اتحاد دولة',
};

/** The function words of a language only (the matcher's sentence-start rule uses these). */
export const FUNCTION_WORDS: Record<Lang, ReadonlySet<string>> = {
  en: new Set(STOPWORD_LISTS.en.split(' ')),
  fr: new Set(STOPWORD_LISTS.fr.split(' ')),
  es: new Set(STOPWORD_LISTS.es.split(' ')),
  ru: new Set(STOPWORD_LISTS.ru.split(' ')),
  zh: new Set(STOPWORD_LISTS.zh.split(' ')),
  ar: new Set(STOPWORD_LISTS.ar.split(' ')),
};

export const STOPWORDS: Record<Lang, ReadonlySet<string>> = {
  en: new Set([...FUNCTION_WORDS.en, ...GENERIC_BODY_WORDS.en.split(' ')]),
  fr: new Set([...FUNCTION_WORDS.fr, ...GENERIC_BODY_WORDS.fr.split(' ')]),
  es: new Set([...FUNCTION_WORDS.es, ...GENERIC_BODY_WORDS.es.split(' ')]),
  ru: new Set([...FUNCTION_WORDS.ru, ...GENERIC_BODY_WORDS.ru.split(' ')]),
  zh: new Set([...FUNCTION_WORDS.zh, ...GENERIC_BODY_WORDS.zh.split(' ')]),
  ar: new Set([...FUNCTION_WORDS.ar, ...GENERIC_BODY_WORDS.ar.split(' ')]),
};

/** Lower-cases for the stop-word lookup the way the matcher folds case. */
export function isStopword(lang: Lang, text: string): boolean {
  return STOPWORDS[lang].has(text.trim().toLocaleLowerCase(lang));
}

/** Whether a one-word text is a function word of any of our languages (Russian «Того», French "Un"). */
export function isFunctionWordAnywhere(text: string): boolean {
  const t = text.trim();
  if (/\s/.test(t)) return false;
  for (const lang of Object.keys(FUNCTION_WORDS) as Lang[])
    if (FUNCTION_WORDS[lang].has(t.toLocaleLowerCase(lang))) return true;
  return false;
}
