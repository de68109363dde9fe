/**
 * What may stand directly before a name without breaking its word boundary.
 *
 * French and Italian elision ("l'ONU", "d'UNESCO", "dell'ONU", "l’Assemblée") needs no code:
 * every apostrophe normalizes to "'", which is not a word character, so the name after it
 * starts at a word boundary and the article stays outside the mention.
 *
 * Arabic writes its proclitics glued to the next word: و "and", ف "so", ب "with/in",
 * ك "like", ل "for/to", and the article ال. "والأمم المتحدة" is و + "الأمم المتحدة".
 * When a name starting with an Arabic letter is preceded by letters, those letters must
 * form exactly one proclitic sequence (and be preceded by a boundary). The mention span
 * EXCLUDES the proclitics: it starts where the name as listed in the data starts.
 *
 * Special case: ل + ال becomes لل with the alif dropped ("للأمم المتحدة"), so the text does
 * not contain "الأمم" at all. For every name starting with ال, the compiler adds a variant
 * without its leading alif that is valid only right after the proclitic ل; its span starts
 * at the article's lam.
 */

const WAW = 0x0648;
const FA = 0x0641;
const BA = 0x0628;
const LAM = 0x0644;
const KAF = 0x0643;
const ALIF = 0x0627;

/** Run classes returned by procliticRunClass (bit set). */
export const RUN_AT_BOUNDARY = 1; // nothing glued before the name
export const RUN_BEFORE_BARE_NAME = 2; // valid before a name without article: و ب ال وال بال لل …
export const RUN_BEFORE_ARTICLE = 4; // valid before a name starting with ال: و ب ك وب فك …
export const RUN_LI = 8; // (و|ف)? ل: valid before the alif-dropped variant "ل…"

/**
 * Classifies the glued letters run[0..len) (in reading order) that precede a name.
 * Returns 0 if they are not a proclitic sequence.
 */
export function classifyProcliticRun(run: ArrayLike<number>, len: number): number {
  if (len === 0) return RUN_AT_BOUNDARY;
  let k = 0;
  if (run[k] === WAW || run[k] === FA) k++;
  const afterConj = k;
  let result = 0;
  // (و|ف)? ل  → li-variant, also a plain preposition before a bare name.
  if (len - afterConj === 1 && run[afterConj] === LAM) result |= RUN_LI;
  // (و|ف)? لل → li + article with its alif dropped, before a bare name.
  if (len - afterConj === 2 && run[afterConj] === LAM && run[afterConj + 1] === LAM)
    return result | RUN_BEFORE_BARE_NAME;
  let prep = false;
  if (k < len && (run[k] === BA || run[k] === LAM || run[k] === KAF)) {
    prep = true;
    k++;
  }
  if (k === len) {
    // Conjunction and/or preposition only.
    result |= RUN_BEFORE_BARE_NAME;
    if (!(prep && run[k - 1] === LAM)) result |= RUN_BEFORE_ARTICLE;
    return result;
  }
  if (len - k === 2 && run[k] === ALIF && run[k + 1] === LAM) return result | RUN_BEFORE_BARE_NAME;
  return result;
}

/** Longest glued run worth examining: و + ب + ال. */
export const MAX_PROCLITIC_RUN = 4;

/** Normalized Arabic text starting with the article ال (followed by at least one letter). */
export function startsWithArticle(normalized: string): boolean {
  return normalized.length > 2 && normalized.charCodeAt(0) === ALIF && normalized.charCodeAt(1) === LAM;
}

/** "الأمم المتحدة" → "لأمم المتحدة" (as written, unnormalized): the form seen after ل. */
export function dropArticleAlif(text: string): string | null {
  const trimmed = text.trimStart();
  const first = trimmed.charCodeAt(0);
  // Any alif variant (ا أ إ آ ٱ) followed by lam; with harakat possibly between.
  if (!(first === ALIF || first === 0x0623 || first === 0x0625 || first === 0x0622 || first === 0x0671)) return null;
  let k = 1;
  while (k < trimmed.length && trimmed.charCodeAt(k) >= 0x064b && trimmed.charCodeAt(k) <= 0x065f) k++;
  if (trimmed.charCodeAt(k) !== LAM) return null;
  return trimmed.slice(k);
}
