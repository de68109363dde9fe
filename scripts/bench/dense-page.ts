/**
 * The generated dense page: ~1.2 MB of real running text in the six languages (filler-text.ts)
 * with a real dataset name planted about every 200 characters (~3.8k mentions), some inside
 * links or bold text so names also cross element boundaries the way they do on news pages.
 * It is the worst case for drawing (thousands of highlights) and the best-controlled case
 * for matching (we know exactly what was planted). Seeded, so it is identical every run.
 */
import { LANGS, type Entity, type Lang } from '../../lib/dataset/schema';
import { createRng, type Rng } from './prng';
import { loadFiller } from './filler-text';
import { aliasesOf } from './term-packs';

export const DENSE_MENTIONS = 3_800;
// Gaps are cut at the next space, so the real mean is a little over this: ~200 characters per mention.
const MEAN_GAP = 170;

export interface DensePage {
  html: string;
  planted: number;
  /** The planted names in page order (as written, without a glued proclitic), for checking. */
  plantedNames: string[];
  textChars: number;
  textBytes: number;
}

const escapeHtml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const SPACED = (lang: Lang): boolean => lang !== 'zh';

/** Reads a language's filler as an endless stream, cutting at spaces for space-separated scripts. */
class FillerStream {
  private text: string;
  private at = 0;
  constructor(
    lang: Lang,
    private readonly spaced: boolean,
  ) {
    this.text = loadFiller(lang).join(spaced ? ' ' : '');
  }
  take(n: number): string {
    let end = this.at + n;
    if (this.spaced) {
      const space = this.text.indexOf(' ', end);
      end = space < 0 ? this.text.length : space + 1;
    }
    let out = this.text.slice(this.at, end);
    this.at = end;
    if (this.at >= this.text.length) {
      this.at = 0;
      if (out.length < n) out += this.take(n - out.length);
    }
    return out;
  }
}

interface Name {
  text: string;
  contextual: boolean;
  entity: string;
}

function namesByLang(core: Entity[]): Record<Lang, Name[]> {
  const out = Object.fromEntries(LANGS.map((l) => [l, [] as Name[]])) as Record<Lang, Name[]>;
  for (const e of core)
    for (const a of aliasesOf(e)) out[a.lang].push({ text: a.text, contextual: a.contextual, entity: e.id });
  return out;
}

/** One mention, sometimes wrapped in inline markup; an Arabic name sometimes with a glued "and" (و). */
function mentionHtml(rng: Rng, lang: Lang, name: Name): string {
  const glued = lang === 'ar' && /^\p{Script=Arabic}/u.test(name.text) && rng.chance(0.2) ? 'و' : '';
  const text = escapeHtml(glued + name.text);
  const r = rng.next();
  if (r < 0.25) return `<a href="#${name.entity}">${text}</a>`;
  if (r < 0.35) return `<b>${text}</b>`;
  return text;
}

export function buildDensePage(core: Entity[], seed = 0x5eed): DensePage {
  const rng = createRng(seed);
  const names = namesByLang(core);
  const full = Object.fromEntries(LANGS.map((l) => [l, names[l].filter((n) => !n.contextual)])) as Record<Lang, Name[]>;
  const streams = Object.fromEntries(LANGS.map((l) => [l, new FillerStream(l, SPACED(l))])) as Record<
    Lang,
    FillerStream
  >;
  const parts: string[] = [
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Context Lens bench: dense page</title>',
    '<style>body{font:16px/1.5 serif;max-width:60em;margin:auto}section{margin:2em 0}</style></head><body>',
  ];
  let planted = 0;
  const plantedNames: string[] = [];
  let textChars = 0;
  let textBytes = 0;
  const encoder = new TextEncoder();
  const count = (s: string): void => {
    textChars += s.length;
    textBytes += encoder.encode(s).length;
  };
  for (let section = 0; planted < DENSE_MENTIONS; section++) {
    const lang = LANGS[section % LANGS.length]!;
    const stream = streams[lang];
    parts.push(`<section lang="${lang}"${lang === 'ar' ? ' dir="rtl"' : ''}>`);
    const title = stream.take(40).trim();
    count(title);
    parts.push(`<h2>${escapeHtml(title)}</h2>`);
    for (let p = 0; p < 8 && planted < DENSE_MENTIONS; p++) {
      const html: string[] = [];
      let lastFull: Name | null = null;
      for (let k = rng.range(3, 8); k > 0 && planted < DENSE_MENTIONS; k--) {
        const filler = stream.take(rng.range(MEAN_GAP / 2, (MEAN_GAP * 3) / 2));
        count(filler);
        html.push(escapeHtml(filler));
        // Now and then the short contextual form of the entity just named ("Mr. Ban" after "Ban Ki-moon").
        const previous: Name | null = lastFull;
        const ctx: Name | undefined = previous
          ? names[lang].find((n) => n.contextual && n.entity === previous.entity)
          : undefined;
        const name: Name = ctx && rng.chance(0.5) ? ctx : rng.pick(full[lang]);
        // Spaces around the name, except between Han characters; a Latin name ("COP28") in
        // Chinese text still gets them when it would touch a letter or digit.
        const spaced = SPACED(lang) || /^[A-Za-z0-9]|[A-Za-z0-9]$/.test(name.text);
        const sep = spaced && !filler.endsWith(' ') ? ' ' : '';
        html.push(sep + mentionHtml(rng, lang, name) + (spaced ? ' ' : ''));
        count(sep + name.text + (spaced ? ' ' : ''));
        lastFull = name.contextual ? null : name;
        plantedNames.push(name.text);
        planted++;
      }
      const tail = stream.take(rng.range(20, MEAN_GAP));
      count(tail);
      parts.push(`<p>${html.join('')}${escapeHtml(tail)}</p>`);
    }
    parts.push('</section>');
  }
  parts.push('</body></html>');
  return { html: parts.join('\n'), planted, plantedNames, textChars, textBytes };
}
