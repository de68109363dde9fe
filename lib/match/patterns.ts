/**
 * Turns entities into the list of pattern texts to compile: every name, short name and
 * alias in the six languages, with generated Russian case forms and the Arabic form used
 * after the proclitic ل. Only this file knows the dataset's alias conventions.
 */
import type { Entity, Lang } from '../dataset/schema';
import { dropArticleAlif } from './proclitics';
import { letterCase, letterCaseOf, LOWER, NOT_LETTER, UPPER } from '../text/char-class';
import { inflectRussian } from './russian-inflect';
import { ALL_LANGS, LANG_BITS, LATIN_LANGS } from '../lang/runs';
import {
  V_CAPITALS,
  V_CASE_EXACT,
  V_COMMON_WORD,
  V_CONTEXTUAL,
  V_INITIAL_CAPITAL,
  V_NEEDS_LI,
  type PatternSpec,
} from './types';
import { FUNCTION_WORDS, isFunctionWordAnywhere } from '../dataset/stopwords';

/**
 * An acronym such as "UN", "ONU", "ООН", "U.N.", "UNAOC": at least two letters, none of them
 * lower-case, no space. Matched case-sensitively even without alias.caseSensitive, because
 * "un" (French) or "who" (English) are everyday words.
 */
export function isAcronym(text: string): boolean {
  const t = text.trim();
  if (/\s/.test(t)) return false;
  let letters = 0;
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    let cls: number;
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < t.length && (t.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      cls = letterCaseOf(t.slice(i, i + 2)); // a surrogate pair is one character
      i++;
    } else {
      cls = letterCase(c);
    }
    if (cls === LOWER) return false;
    if (cls === UPPER) letters++;
  }
  return letters >= 2;
}

/** The six languages (listed here so the engine never imports zod through the schema's values). */
const LANGS: readonly Lang[] = ['en', 'fr', 'es', 'ru', 'zh', 'ar'];

function push(out: PatternSpec[], text: string, entity: number, flags: number, langs: number): void {
  if (text.trim().length > 0) out.push({ text, entity, flags, langs });
}

/**
 * Alias scope (see lib/lang/runs.ts): a name matches in text of the language it is listed
 * under (the same text listed under several languages matches in each: the compiler merges
 * them). An acronym matched in its exact case (UNESCO, OTAN, ООН) is international: news in
 * every language quotes them, and their case keeps them from ordinary words. A person's name
 * in Latin letters is not translated between English, French and Spanish ("Ghebreyesus"), so
 * it is shared by the three, whichever of them lists it.
 */
function scopeOf(text: string, flags: number, lang: Lang, person: boolean): number {
  if ((flags & V_CASE_EXACT) !== 0 && (flags & V_CONTEXTUAL) === 0 && isAcronym(text)) return ALL_LANGS;
  const bit = LANG_BITS[lang];
  return person && (bit & LATIN_LANGS) !== 0 ? LATIN_LANGS : bit;
}

/** Adds text and its generated forms (Russian cases, Arabic ل + article). */
function pushWithForms(
  out: PatternSpec[],
  text: string,
  entity: number,
  flags: number,
  lang: Lang,
  person: boolean,
): void {
  const langs = scopeOf(text, flags, lang, person);
  // Case-sensitive surnames (Маса) are declined too; only acronyms (ООН) never are. A generated
  // form that is a Russian function word is dropped: the name never produces a common word.
  const forms =
    lang === 'ru' && !isAcronym(text)
      ? inflectRussian(text, person).filter((f) => f === text || !FUNCTION_WORDS.ru.has(f.toLocaleLowerCase('ru')))
      : [text];
  for (const form of forms) push(out, form, entity, flags | commonWordFlag(form, flags), langs);
  if (lang === 'ar') {
    const afterLi = dropArticleAlif(text);
    if (afterLi) push(out, afterLi, entity, flags | V_NEEDS_LI, langs);
  }
}

/** Languages that write proper names with a capital (Chinese and Arabic have no case). */
const CASED: ReadonlySet<string> = new Set(['en', 'fr', 'es', 'ru']);

/**
 * A one-word name written with a capital must keep it on the page: «того» is "of that", not
 * Togo; «газа» is gas, "goma" rubber, "l'équateur" the equator, "vienne" a verb. Names of
 * several words are left alone: French and Russian write titles and bodies in lower case
 * ("le secrétaire général", «генеральная ассамблея»), and a lower-case phrase rarely collides.
 */
function capitalizedWordFlag(text: string, lang: string): number {
  if (!CASED.has(lang) || /\s/.test(text)) return 0;
  for (const ch of text) {
    const cls = letterCaseOf(ch);
    if (cls === NOT_LETTER) continue;
    return cls === UPPER ? V_INITIAL_CAPITAL : 0;
  }
  return 0;
}

/** V_COMMON_WORD for a capitalized one-word name that is a function word somewhere ("Того"). */
function commonWordFlag(text: string, flags: number): number {
  return (flags & V_INITIAL_CAPITAL) !== 0 && isFunctionWordAnywhere(text) ? V_COMMON_WORD : 0;
}

/** All pattern specs of one entity (entity = its index in the compiled entity table). */
export function entityPatterns(entity: Entity, index: number): PatternSpec[] {
  const out: PatternSpec[] = [];
  const person = entity.kind === 'person';
  for (const lang of LANGS) {
    const loc = entity.names[lang];
    pushWithForms(out, loc.name, index, capitalizedWordFlag(loc.name, lang), lang, person);
    if (loc.short)
      pushWithForms(
        out,
        loc.short,
        index,
        isAcronym(loc.short) ? V_CASE_EXACT : capitalizedWordFlag(loc.short, lang),
        lang,
        person,
      );
    for (const alias of loc.aliases ?? []) {
      const exact = alias.caseSensitive ?? isAcronym(alias.text);
      let flags = exact ? V_CASE_EXACT : capitalizedWordFlag(alias.text, lang);
      // A contextual alias also needs its capitals ("Mr. Ban", never "a ban").
      if (alias.contextual) flags |= V_CONTEXTUAL | (exact ? 0 : V_CAPITALS);
      pushWithForms(out, alias.text, index, flags, lang, person);
    }
  }
  return out;
}
