/**
 * Which languages' aliases may match where: a list of runs over a document's text, each a
 * start offset and a bit mask of our six languages (ALL where the language is unknown or is
 * not one of ours, so nothing is lost on a German page or a page with no text to tell by).
 *
 * A run's language may be decided when first asked for (pushUndecided): a block's detection
 * (script count, trigrams) costs more than scanning it, and the scan asks only where a name
 * matched, which on most pages is a few blocks of hundreds.
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

/** Decides an undecided run's language (called at most once). */
export type DecideLanguage = () => BlockLanguage | null;

/** The mask of a run whose language is not decided yet (no real mask is negative). */
const UNDECIDED = -1;

export class LanguageRuns {
  private readonly starts: number[] = [];
  private readonly masks: number[] = [];
  /** undefined while the run is undecided. */
  private readonly languages: (BlockLanguage | null | undefined)[] = [];
  private readonly deciders: (DecideLanguage | null)[] = [];
  private last = 0;

  /** Appends a run of a block language from `start` (offsets must not decrease); a run like the previous one merges. */
  push(start: number, lang: BlockLanguage | null): void {
    const n = this.masks.length;
    if (n > 0 && this.languages[n - 1] === lang) return;
    this.append(start, maskOfLanguage(lang), lang, null);
  }

  /** Appends a run whose language `decide` gives when an offset in it is first asked about. */
  pushUndecided(start: number, decide: DecideLanguage): void {
    this.append(start, UNDECIDED, undefined, decide);
  }

  private append(start: number, mask: number, lang: BlockLanguage | null | undefined, decide: DecideLanguage | null) {
    const n = this.masks.length;
    const k = n > 0 && this.starts[n - 1] === start ? n - 1 : n; // an empty run is replaced
    this.starts[k] = start;
    this.masks[k] = mask;
    this.languages[k] = lang;
    this.deciders[k] = decide;
  }

  get size(): number {
    return this.masks.length;
  }

  /** The alias languages allowed at a document offset (ALL before the first run). */
  maskAt(offset: number): number {
    const k = this.runAt(offset);
    if (k < 0) return ALL_LANGS;
    const mask = this.masks[k]!;
    return mask === UNDECIDED ? this.decide(k) : mask;
  }

  /** The block language at a document offset (null where unknown). */
  languageAt(offset: number): BlockLanguage | null {
    const k = this.runAt(offset);
    if (k < 0) return null;
    if (this.masks[k] === UNDECIDED) this.decide(k);
    return this.languages[k]!;
  }

  /** Decides run k; returns its mask. */
  private decide(k: number): number {
    const lang = this.deciders[k]!();
    this.deciders[k] = null;
    this.languages[k] = lang;
    return (this.masks[k] = maskOfLanguage(lang));
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
    const start = from;
    runs.pushUndecided(start, () => blockLanguage(declared, text, start, to));
    from = to + 1;
  }
  return runs;
}
