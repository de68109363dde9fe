/**
 * The language of a block of text, for alias scope (an alias matches in text of its own
 * language). Four of our six languages own a script here: Cyrillic text is read as Russian,
 * Arabic-script text as Arabic, Han text without kana as Chinese. Latin text is told apart by
 * its letter trigrams against franc-min's profiles (latin-trigrams.ts): English, French,
 * Spanish, or another Latin language.
 *
 * A declared language (an HTML lang attribute, the CLI's --lang) is believed for a block unless
 * the block's script is another language's (a Russian quote in an English article). The
 * document's own declaration is checked once against a sample of its text (documentLanguage):
 * CMS templates often say lang="en" on every edition of a site. Per block, trigrams are only
 * computed when nothing is declared or the declaration is of another script: they cost far
 * more than the script count.
 */
import type { Lang } from '../dataset/basics';
import { LATIN_PROFILES } from './latin-trigrams';

/** A block's language: one of ours, another one, or null when the text cannot tell. */
export type BlockLanguage = Lang | 'other';

const OURS: ReadonlySet<string> = new Set(['en', 'fr', 'es', 'ru', 'zh', 'ar']);

/** The language an HTML lang attribute or a --lang option names ("en-GB" → en, "zh-Hant" → zh, "pt" → other, "" → null). */
export function languageOfTag(tag: string | null | undefined): BlockLanguage | null {
  if (!tag) return null;
  const primary = tag.trim().toLowerCase().split(/[-_]/)[0] ?? '';
  if (!/^[a-z]{2,3}$/.test(primary) || primary === 'und' || primary === 'mul' || primary === 'zxx') return null;
  if (OURS.has(primary)) return primary as Lang;
  // Three-letter codes of our languages, as some sites write them.
  const three: Record<string, Lang> = {
    eng: 'en',
    fra: 'fr',
    fre: 'fr',
    spa: 'es',
    rus: 'ru',
    zho: 'zh',
    chi: 'zh',
    cmn: 'zh',
    ara: 'ar',
    arb: 'ar',
  };
  return three[primary] ?? 'other';
}

export type Script = 'latin' | 'cyrillic' | 'arabic' | 'han' | 'kana' | 'hangul' | 'other';

const SCRIPT_OF_LANG: Record<Lang, Script> = {
  en: 'latin',
  fr: 'latin',
  es: 'latin',
  ru: 'cyrillic',
  zh: 'han',
  ar: 'arabic',
};

function scriptOfUnit(c: number): Script | null {
  if (c < 0x41) return null;
  if (c <= 0x24f)
    return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || c >= 0xc0
      ? c === 0xd7 || c === 0xf7
        ? null
        : 'latin'
      : null;
  if (c >= 0x400 && c <= 0x52f) return 'cyrillic';
  if (
    (c >= 0x620 && c <= 0x64a) ||
    (c >= 0x66e && c <= 0x6ff) ||
    (c >= 0x750 && c <= 0x77f) ||
    (c >= 0xfb50 && c <= 0xfefc)
  )
    return 'arabic';
  if ((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0xf900 && c <= 0xfaff)) return 'han';
  if ((c >= 0x3041 && c <= 0x30ff) || (c >= 0x31f0 && c <= 0x31ff)) return 'kana';
  if ((c >= 0xac00 && c <= 0xd7a3) || (c >= 0x1100 && c <= 0x11ff)) return 'hangul';
  if (c >= 0x1e00 && c <= 0x1eff) return 'latin';
  if (c >= 0x370 && c < 0x2000) return 'other'; // Greek, Hebrew, Indic, ... letters (roughly)
  return null;
}

/** Letters counted per script over text[from, to), at most `limit` of them. */
interface ScriptCount {
  letters: number;
  best: Script | null;
  kana: boolean;
}

function countScripts(text: string, from: number, to: number, limit: number): ScriptCount {
  const counts: Record<Script, number> = { latin: 0, cyrillic: 0, arabic: 0, han: 0, kana: 0, hangul: 0, other: 0 };
  let letters = 0;
  for (let i = from; i < to && letters < limit; i++) {
    const s = scriptOfUnit(text.charCodeAt(i));
    if (s === null) continue;
    counts[s]++;
    letters++;
  }
  let best: Script | null = null;
  for (const s of Object.keys(counts) as Script[])
    if (counts[s] > 0 && (best === null || counts[s] > counts[best])) best = s;
  // Japanese mixes kanji with kana; a few kana are enough to say it is not Chinese.
  const kana = counts.kana > 0 && counts.kana * 10 >= counts.han;
  return { letters, best, kana };
}

/** Fewest Latin letters for a trigram guess, and for overriding a document's declared language. */
export const MIN_LETTERS_TO_DETECT = 12;
export const MIN_LETTERS_TO_OVERRIDE = 200;
/** Letters sampled per block: enough for a stable guess, bounded on huge blocks. */
const SAMPLE_LETTERS = 400;
/** Letters sampled to check a document's declared language. */
const DOCUMENT_SAMPLE_LETTERS = 2000;

/** A profile: trigram key (three UTF-16 units in one number) → weight, 1 for the most frequent down to near 0. */
/**
 * The profiles merged: trigram key (three UTF-16 units in one number) → its weight in each
 * profile (1 for a profile's most frequent trigram, down to near 0; 0 where it lacks it). One
 * lookup per trigram of the text, not one per profile.
 */
let profiles: { langs: BlockLanguage[]; weights: Map<number, Float64Array> } | null = null;

function trigramKey(a: number, b: number, c: number): number {
  return (a * 65536 + b) * 65536 + c;
}

function latinProfiles(): { langs: BlockLanguage[]; weights: Map<number, Float64Array> } {
  if (!profiles) {
    const weights = new Map<number, Float64Array>();
    LATIN_PROFILES.forEach((p, k) => {
      const grams = p.trigrams.split('|');
      grams.forEach((t, rank) => {
        const key = trigramKey(t.charCodeAt(0), t.charCodeAt(1), t.charCodeAt(2));
        let row = weights.get(key);
        if (!row) weights.set(key, (row = new Float64Array(LATIN_PROFILES.length)));
        row[k] = 1 - rank / grams.length;
      });
    });
    profiles = { langs: LATIN_PROFILES.map((p) => p.lang), weights };
  }
  return profiles;
}

/**
 * Scores of text[from, to) against each Latin profile: the sum, over the text's trigrams
 * (lower-cased letters, any run of non-letters as one space, like the profiles), of their
 * weight in the profile. No sort, one map lookup per trigram: cheap enough to run per block.
 */
function latinScores(text: string, from: number, to: number, limit: number): Float64Array {
  const { langs, weights } = latinProfiles();
  const scores = new Float64Array(langs.length);
  let a = 0x20;
  let b = 0x20;
  let letters = 0;
  const add = (c: number) => {
    const row = weights.get(trigramKey(a, b, c));
    if (row) for (let k = 0; k < row.length; k++) scores[k]! += row[k]!;
    a = b;
    b = c;
  };
  for (let i = from; i < to && letters < limit; i++) {
    const code = text.charCodeAt(i);
    if (scriptOfUnit(code) === 'latin') {
      add(code < 0x80 ? code | 0x20 : text[i]!.toLowerCase().charCodeAt(0));
      letters++;
    } else if (b !== 0x20) {
      add(0x20);
    }
  }
  if (b !== 0x20) add(0x20);
  return scores;
}

interface LatinGuess {
  lang: BlockLanguage;
  score: number;
  /** Every profile's score, in the order of latinProfiles().langs. */
  scores: Float64Array;
}

function bestLatin(text: string, from: number, to: number, limit = SAMPLE_LETTERS): LatinGuess {
  const { langs } = latinProfiles();
  const scores = latinScores(text, from, to, limit);
  let best = 0;
  for (let k = 1; k < langs.length; k++) if (scores[k]! > scores[best]!) best = k;
  return { lang: langs[best]!, score: scores[best]!, scores };
}

/** The best score among a language's profiles (0 if it has none). */
function scoreOf(guess: LatinGuess, lang: BlockLanguage): number {
  const { langs } = latinProfiles();
  let s = 0;
  for (let k = 0; k < langs.length; k++) if (langs[k] === lang && guess.scores[k]! > s) s = guess.scores[k]!;
  return s;
}

/** Whether another Latin language is clearly closer than the declared one. */
function clearlyOther(guess: LatinGuess, declared: BlockLanguage): boolean {
  return guess.lang !== declared && guess.score > (1 + OVERRIDE_MARGIN) * scoreOf(guess, declared);
}

/** Detects the language of text[from, to) from the text alone, or null when too short to tell. */
export function detectLanguage(text: string, from = 0, to = text.length): BlockLanguage | null {
  const c = countScripts(text, from, to, SAMPLE_LETTERS);
  switch (c.best) {
    case null:
      return null;
    case 'cyrillic':
      return 'ru';
    case 'arabic':
      return 'ar';
    case 'han':
      return c.kana ? 'other' : 'zh';
    case 'latin':
      return c.letters >= MIN_LETTERS_TO_DETECT ? bestLatin(text, from, to).lang : null;
    default:
      return 'other';
  }
}

/**
 * The language of one block: its declared language (the nearest lang attribute, or the CLI's
 * --lang) unless the text contradicts it, else the detected one; null when nothing tells.
 */
export function blockLanguage(
  declared: BlockLanguage | null,
  text: string,
  from = 0,
  to = text.length,
): BlockLanguage | null {
  const c = countScripts(text, from, to, SAMPLE_LETTERS);
  if (c.best === null) return declared;
  if (declared === 'other')
    return c.best === 'latin' || c.best === 'other' || c.kana || c.best === 'hangul'
      ? 'other'
      : detectLanguage(text, from, to);
  if (declared !== null && SCRIPT_OF_LANG[declared] === c.best && !(c.best === 'han' && c.kana)) {
    // A long Latin block may still be in another Latin language (an English caption on a Spanish page).
    if (c.best !== 'latin' || c.letters < MIN_LETTERS_FOR_BLOCK_OVERRIDE) return declared;
    const guess = bestLatin(text, from, to, BLOCK_OVERRIDE_SAMPLE);
    return clearlyOther(guess, declared) ? guess.lang : declared;
  }
  return detectLanguage(text, from, to);
}

/** A declared Latin language is checked on blocks of at least this many letters, on a sample this long. */
const MIN_LETTERS_FOR_BLOCK_OVERRIDE = 40;
const BLOCK_OVERRIDE_SAMPLE = 160;

/** How much higher (relative) another Latin language must score to override a declared one. */
const OVERRIDE_MARGIN = 0.5;

/**
 * The language a whole document is in: its declaration, checked against a sample of its text
 * (the first DOCUMENT_SAMPLE_LETTERS letters). A Latin-script declaration is replaced only
 * when the sample is long and clearly in another language; a declaration of another script
 * than the sample's is replaced by the sample's language; no declaration, by the detected one.
 */
export function documentLanguage(declared: BlockLanguage | null, text: string): BlockLanguage | null {
  const c = countScripts(text, 0, text.length, DOCUMENT_SAMPLE_LETTERS);
  if (c.best === null) return declared;
  if (declared === null)
    return c.best === 'latin' && c.letters >= MIN_LETTERS_TO_DETECT
      ? bestLatin(text, 0, text.length, DOCUMENT_SAMPLE_LETTERS).lang
      : detectLanguage(text);
  if (declared === 'other' || SCRIPT_OF_LANG[declared] !== c.best) return blockLanguage(declared, text);
  if (c.best !== 'latin' || c.letters < MIN_LETTERS_TO_OVERRIDE) return declared;
  const guess = bestLatin(text, 0, text.length, DOCUMENT_SAMPLE_LETTERS);
  return clearlyOther(guess, declared) ? guess.lang : declared;
}
