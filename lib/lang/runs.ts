/**
 * Which languages' aliases may match where: a list of runs over a document's text, each a
 * start offset and a bit mask of our six languages (ALL where the language is unknown or is
 * not one of ours, so nothing is lost on a German page or a page with no text to tell by).
 */
import type { Lang } from '../dataset/basics';
import { blockLanguage, documentLanguage, languageOfTag, type BlockLanguage } from './detect';

export const LANG_BITS: Record<Lang, number> = { en: 1, fr: 2, es: 4, ru: 8, zh: 16, ar: 32 };
export const ALL_LANGS = 63;

/** English, French and Spanish: the languages that share a script, so the ones scope tells apart. */
export const LATIN_LANGS = LANG_BITS.en | LANG_BITS.fr | LANG_BITS.es;

/**
 * The alias languages allowed in text of a block language. Scope matters where languages
 * share a script: an English block takes English aliases, not French or Spanish ones ("Chad"
 * the given name is not le Tchad; "Maurice" in English is a person). Aliases in another
 * script than the block's are quotations (a Chinese article giving "António Guterres" in
 * brackets) and cannot be mistaken for the block's own words: they stay allowed. So Russian,
 * Chinese and Arabic blocks allow every alias, and an unknown or other language too.
 */
export function maskOfLanguage(lang: BlockLanguage | null): number {
  if (lang === 'en' || lang === 'fr' || lang === 'es') return LANG_BITS[lang] | (ALL_LANGS & ~LATIN_LANGS);
  return ALL_LANGS;
}

export class LanguageRuns {
  private readonly starts: number[] = [];
  private readonly masks: number[] = [];
  private readonly languages: (BlockLanguage | null)[] = [];
  private last = 0;

  /** Appends a run of a block language from `start` (offsets must not decrease); a run like the previous one merges. */
  push(start: number, lang: BlockLanguage | null): void {
    const n = this.masks.length;
    if (n > 0 && this.languages[n - 1] === lang) return;
    if (n > 0 && this.starts[n - 1] === start) {
      this.masks[n - 1] = maskOfLanguage(lang);
      this.languages[n - 1] = lang;
      return;
    }
    this.starts.push(start);
    this.masks.push(maskOfLanguage(lang));
    this.languages.push(lang);
  }

  get size(): number {
    return this.masks.length;
  }

  /** The alias languages allowed at a document offset (ALL before the first run). */
  maskAt(offset: number): number {
    const k = this.runAt(offset);
    return k < 0 ? ALL_LANGS : this.masks[k]!;
  }

  /** The block language at a document offset (null where unknown). */
  languageAt(offset: number): BlockLanguage | null {
    const k = this.runAt(offset);
    return k < 0 ? null : this.languages[k]!;
  }

  /** The run holding a document offset, or -1. Mostly called in increasing order. */
  private runAt(offset: number): number {
    const { starts } = this;
    const n = starts.length;
    if (n === 0 || offset < starts[0]!) return -1;
    let k = this.last;
    if (k >= n || starts[k]! > offset) k = 0;
    if (k + 1 < n && starts[k + 1]! <= offset) {
      // Not the cached run or the next one: binary search.
      let lo = k + 1;
      let hi = n - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (starts[mid]! <= offset) lo = mid;
        else hi = mid - 1;
      }
      k = lo;
    }
    this.last = k;
    return k;
  }
}

/**
 * Runs for a plain text whose blocks are separated by `separator` (a line break in a text
 * file, the block break in text joined from a page), under one declared language (--lang).
 */
export function languageRunsOfText(text: string, declaredTag: string | null, separator = '\n'): LanguageRuns {
  const declared = documentLanguage(languageOfTag(declaredTag), text);
  const runs = new LanguageRuns();
  let from = 0;
  while (from <= text.length) {
    let to = text.indexOf(separator, from);
    if (to < 0) to = text.length;
    runs.push(from, blockLanguage(declared, text, from, to));
    from = to + 1;
  }
  return runs;
}
