/**
 * Real running text in the six languages, used as the filler between mentions on the
 * generated dense page: the Sustainable Development Goal texts and the Universal Declaration
 * of Human Rights from ../shared/corpus/texts. Real prose matters for a matcher bench: its
 * letter frequencies and common prefixes decide how deep the automaton walks between hits.
 */
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Lang } from '../../lib/dataset/basics';
import { CORPUS_PAGES } from '../../tests/support/static-server';

export const TEXTS_DIR = join(CORPUS_PAGES, '../texts');

const SDG_DIR: Record<Lang, string> = { en: 'en', fr: 'fr', es: 'es', ru: 'ru', zh: 'zh-Hans', ar: 'ar' };
const UDHR_FILE: Record<Lang, string> = { en: 'eng', fr: 'fra', es: 'spa', ru: 'rus', zh: 'cmn_hans', ar: 'arb' };

/** Values of a flat YAML map ("key: value" with indented continuation lines), unquoted. */
function yamlValues(text: string): string[] {
  const values: string[] = [];
  for (const line of text.split('\n')) {
    if (/^\s/.test(line) && values.length > 0) values[values.length - 1] += ' ' + line.trim();
    else {
      const at = line.indexOf(': ');
      if (at > 0) values.push(line.slice(at + 2).trim());
    }
  }
  return values.map((v) => v.replace(/^(['"])(.*)\1$/, '$2').replace(/''/g, "'")).filter((v) => v.length > 8);
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** Text of the paragraph-like elements of a small, regular HTML file. */
function htmlParagraphs(html: string): string[] {
  const out: string[] = [];
  for (const m of html.matchAll(/<(p|li|h[1-4])\b[^>]*>([\s\S]*?)<\/\1>/g)) {
    const text = m[2]!
      .replace(/<[^>]+>/g, '')
      .replace(/&(#\d+|[a-z]+);/g, (e, name: string) =>
        name.startsWith('#') ? String.fromCodePoint(Number(name.slice(1))) : (ENTITIES[name] ?? e),
      )
      .replace(/\s+/g, ' ')
      .trim();
    if (text.length > 8) out.push(text);
  }
  return out;
}

/** Filler passages per language (sentences or short paragraphs, in file order). */
export function loadFiller(lang: Lang): string[] {
  const passages: string[] = [];
  const sdg = join(TEXTS_DIR, 'sdg', SDG_DIR[lang]);
  if (existsSync(sdg)) {
    for (const f of readdirSync(sdg).sort())
      if (f.endsWith('.yml')) passages.push(...yamlValues(readFileSync(join(sdg, f), 'utf8')));
  }
  const udhr = join(TEXTS_DIR, 'udhr', `${UDHR_FILE[lang]}.html`);
  if (existsSync(udhr)) passages.push(...htmlParagraphs(readFileSync(udhr, 'utf8')));
  if (passages.length === 0) throw new Error(`bench: no filler text for ${lang} under ${TEXTS_DIR}`);
  return passages;
}

/** The distinct Han characters of the Chinese filler, most frequent first (for pseudo-names). */
export function hanCharacters(): string[] {
  const freq = new Map<string, number>();
  for (const p of loadFiller('zh'))
    for (const ch of p) if (/\p{Script=Han}/u.test(ch)) freq.set(ch, (freq.get(ch) ?? 0) + 1);
  return [...freq.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([ch]) => ch);
}
