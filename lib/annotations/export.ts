/**
 * Exports of the research library (issue 7): JSON-LD (lossless, re-importable, readable by W3C
 * Web Annotation tools), Markdown (to read and paste into notes) and CSV (for spreadsheets).
 * User text is data in all three: escaped for Markdown, quoted and defused for spreadsheets.
 */
import {
  ANNO_CONTEXT,
  ENTITY_URN,
  FORMAT_VERSION,
  type JsonLdAnnotation,
  type JsonLdBody,
  type JsonLdCollection,
} from './jsonld';
import type { Annotation, SavedPage } from './model';

/** The display name of an entity id, or undefined when the dataset does not know it (any more). */
export type NameOf = (entityId: string) => string | undefined;

function toWebAnnotation(annotation: Annotation, nameOf: NameOf): JsonLdAnnotation {
  const { note, tags } = annotation.body;
  const body: JsonLdBody[] = [];
  if (note !== '') body.push({ type: 'TextualBody', purpose: 'commenting', format: 'text/plain', value: note });
  for (const tag of tags) body.push({ type: 'TextualBody', purpose: 'tagging', value: tag });
  if (annotation.entityId !== undefined) {
    const id = annotation.entityId;
    body.push({ type: 'TextualBody', purpose: 'identifying', id: ENTITY_URN + id, value: nameOf(id) ?? id });
  }
  return {
    id: annotation.id,
    type: 'Annotation',
    motivation: annotation.motivation,
    created: annotation.created,
    modified: annotation.modified,
    ...(body.length ? { body } : {}),
    target: { source: annotation.target.source, selector: annotation.target.selector },
    ...(annotation.pageUrl !== annotation.target.source ? { contextLens: { pageUrl: annotation.pageUrl } } : {}),
  };
}

/** The whole library as a W3C AnnotationCollection object. */
export function toAnnotationCollection(
  pages: readonly SavedPage[],
  annotations: readonly Annotation[],
  nameOf: NameOf,
): JsonLdCollection {
  return {
    '@context': ANNO_CONTEXT,
    type: 'AnnotationCollection',
    label: 'Context Lens library',
    total: annotations.length,
    first: { type: 'AnnotationPage', startIndex: 0, items: annotations.map((a) => toWebAnnotation(a, nameOf)) },
    contextLens: { version: FORMAT_VERSION, pages: [...pages] },
  };
}

/** The JSON-LD file (.jsonld, application/ld+json) that parseImport reads back. */
export function toJsonLd(pages: readonly SavedPage[], annotations: readonly Annotation[], nameOf: NameOf): string {
  return `${JSON.stringify(toAnnotationCollection(pages, annotations, nameOf), null, 2)}\n`;
}

/** Pages in the given order, each with its annotations in text order; annotations of unsaved pages last. */
function byPage(pages: readonly SavedPage[], annotations: readonly Annotation[]) {
  const groups = new Map<string, { page: SavedPage | undefined; annotations: Annotation[] }>();
  for (const page of pages) groups.set(page.url, { page, annotations: [] });
  for (const annotation of annotations) {
    const group = groups.get(annotation.pageUrl) ?? { page: undefined, annotations: [] };
    group.annotations.push(annotation);
    groups.set(annotation.pageUrl, group);
  }
  for (const group of groups.values())
    group.annotations.sort((a, b) => a.target.selector[1].start - b.target.selector[1].start);
  return [...groups.entries()].map(([url, group]) => ({ url, ...group }));
}

/** Block breaks of the page text ("\0") and CR LF read as line breaks. */
const lines = (text: string) => text.replaceAll('\0', '\n').replace(/\r\n?/g, '\n').split('\n');

/**
 * Markdown-escapes one line of user text so it renders as the same text: CommonMark lets any ASCII
 * punctuation be backslash-escaped. Inline syntax is escaped everywhere (so "<script>" is text,
 * not HTML); list, heading and quote markers only at the start; leading spaces (a code block) go.
 */
function escapeLine(line: string): string {
  return line
    .trimStart()
    .replace(/[\\`*_[\]<>&|~!(){}$]/g, '\\$&')
    .replace(/^([#>+=-])/, '\\$1')
    .replace(/^(\d+)([.)])/, '$1\\$2');
}

const escapeMarkdown = (text: string) => lines(text).map(escapeLine).join(' ');

/** Multi-line user text as Markdown lines, paragraphs kept, single line breaks kept (hard breaks). */
function markdownParagraphs(text: string, prefix = ''): string[] {
  const out = lines(text).map((line) => escapeLine(line));
  return out.map((line, i) => {
    const hardBreak = i < out.length - 1 && line !== '' && out[i + 1] !== '' ? '\\' : '';
    return `${prefix}${line}${hardBreak}`.trimEnd();
  });
}

/** URLs are already percent-encoded by the URL parser; these few would still end a Markdown link. */
const markdownUrl = (url: string) => url.replace(/[()<> ]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

export function toMarkdown(pages: readonly SavedPage[], annotations: readonly Annotation[], nameOf: NameOf): string {
  const out: string[] = ['# Context Lens library', ''];
  for (const group of byPage(pages, annotations)) {
    const title = group.page?.title.trim() || group.url;
    out.push(`## [${escapeMarkdown(title)}](${markdownUrl(group.url)})`, '');
    if (group.page)
      out.push(`Saved ${group.page.savedAt.slice(0, 10)} · updated ${group.page.updatedAt.slice(0, 10)}`, '');
    for (const annotation of group.annotations) {
      out.push(...markdownParagraphs(annotation.target.selector[0].exact, '> '), '');
      if (annotation.body.note !== '') out.push(...markdownParagraphs(annotation.body.note), '');
      const facts: string[] = [];
      if (annotation.body.tags.length) facts.push(`Tags: ${annotation.body.tags.map(escapeMarkdown).join(', ')}`);
      if (annotation.entityId !== undefined) {
        facts.push(`Entity: ${escapeMarkdown(nameOf(annotation.entityId) ?? annotation.entityId)}`);
      }
      facts.push(`Modified ${annotation.modified.slice(0, 10)}`);
      out.push(facts.join(' · '), '');
    }
  }
  return out.join('\n').replace(/\n+$/, '\n');
}

export const CSV_COLUMNS = [
  'page url',
  'page title',
  'quote',
  'prefix',
  'suffix',
  'start',
  'end',
  'note',
  'tags',
  'entity id',
  'entity name',
  'created',
  'modified',
] as const;

/**
 * One CSV field (RFC 4180): quoted when it holds a quote, comma or line break. A cell a
 * spreadsheet would run as a formula (= + - @, tab, CR first) gets a leading apostrophe
 * (OWASP "CSV Injection"), so opening an export never runs what a web page or a note said.
 */
function csvField(value: string | number | undefined): string {
  let text = value === undefined ? '' : String(value).replaceAll('\0', '\n');
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One row per annotation, columns CSV_COLUMNS, CRLF line ends; tags joined with "; ". */
export function toCsv(pages: readonly SavedPage[], annotations: readonly Annotation[], nameOf: NameOf): string {
  const rows: (string | number | undefined)[][] = [[...CSV_COLUMNS]];
  for (const group of byPage(pages, annotations)) {
    for (const a of group.annotations) {
      const [quote, position] = a.target.selector;
      rows.push([
        group.url,
        group.page?.title,
        quote.exact,
        quote.prefix,
        quote.suffix,
        position.start,
        position.end,
        a.body.note,
        a.body.tags.join('; '),
        a.entityId,
        a.entityId === undefined ? undefined : nameOf(a.entityId),
        a.created,
        a.modified,
      ]);
    }
  }
  return rows.map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}
