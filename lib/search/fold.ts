/**
 * Folding for the popup search: the matcher's normalization (case, Latin accents, ё, Arabic
 * letter variants and harakat, full width, dashes) plus punctuation handling, applied alike to
 * the indexed names and to the query, so "Ban Ki-moon", "BAN KI MOON" and "ban ki moon" are
 * the same string to Fuse. Dots and apostrophes vanish ("U.N." → "un", "Côte d'Ivoire" →
 * "cote divoire"); any other run of punctuation or symbols is a space ("Ki-moon" → "ki moon",
 * "若热·桑帕约" → "若热 桑帕约").
 */
import { foldText } from '../text/normalize';

/**
 * Fuse's bitap works on at most 32 code units: longer patterns are cut into 32-unit chunks
 * whose scores are averaged, which ranks poorly and costs one pass per chunk. Queries are cut.
 */
export const MAX_PATTERN = 32;
/** Raw query text looked at before folding (a pasted page must not cost a fold of all of it). */
const MAX_RAW_QUERY = 256;

const SEPARATORS = /[^\p{L}\p{N}\p{M}]+/gu;

/** The search form of a name or query: folded, punctuation dropped or turned into single spaces, trimmed. */
export function foldForSearch(text: string): string {
  return foldText(text).replace(/['.]/g, '').replace(SEPARATORS, ' ').trim();
}

/**
 * A query as Fuse will see it: folded, at most MAX_PATTERN code units (never half a surrogate
 * pair), no trailing space. '' when nothing searchable is left (empty, punctuation only).
 */
export function prepareQuery(query: unknown): string {
  if (typeof query !== 'string') return '';
  let q = foldForSearch(query.length > MAX_RAW_QUERY ? query.slice(0, MAX_RAW_QUERY) : query);
  if (q.length > MAX_PATTERN) {
    q = q.slice(0, MAX_PATTERN);
    const last = q.charCodeAt(q.length - 1);
    if (last >= 0xd800 && last <= 0xdbff) q = q.slice(0, -1);
    q = q.trimEnd();
  }
  return q;
}

type Script = 'latin' | 'cyrillic' | 'arabic' | 'han' | 'other';

function scriptOf(ch: string): Script | undefined {
  if (!/[\p{L}\p{M}]/u.test(ch)) return undefined; // digits, spaces: neutral
  if (/\p{Script=Latin}/u.test(ch)) return 'latin';
  if (/\p{Script=Cyrillic}/u.test(ch)) return 'cyrillic';
  if (/\p{Script=Arabic}/u.test(ch)) return 'arabic';
  if (/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u.test(ch)) return 'han';
  return 'other';
}

/**
 * The single-script parts of a prepared query that mixes scripts ("潘基文 ban" → ["潘基文",
 * "ban"]); [] for a one-script query. Neutral characters (digits, spaces) stay with their run;
 * runs of one letter are dropped, except Han, where one character is a word.
 */
export function scriptRuns(prepared: string): string[] {
  const runs: { script: Script; text: string }[] = [];
  let pending = '';
  for (const ch of prepared) {
    const s = scriptOf(ch);
    const last = runs[runs.length - 1];
    if (s === undefined) pending += ch;
    else if (last && last.script === s) {
      last.text += pending + ch;
      pending = '';
    } else {
      if (last) last.text += pending;
      runs.push({ script: s, text: ch });
      pending = '';
    }
  }
  if (new Set(runs.map((r) => r.script)).size < 2) return [];
  return runs
    .map((r) => r.text.trim())
    .filter((t, k) => t.length >= 2 || (t.length === 1 && runs[k]!.script === 'han'));
}
