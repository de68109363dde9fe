/**
 * Annotations from other tools, read into our model: W3C Web Annotation JSON-LD (an
 * AnnotationCollection with its first page, an AnnotationPage, one Annotation or a list of them)
 * and Hypothesis's API export (a search response `{ rows }` or its rows). Untrusted like every
 * import: each item is checked, every problem is reported with where it is, and nothing is
 * imported unless the whole file is good. Annotations that quote no passage (page notes,
 * replies) have nothing to re-anchor and are skipped, counted and listed, not refused.
 *
 * What we keep: the quote (TextQuoteSelector, required) and its position (TextPositionSelector,
 * or a position hint of 0 when absent: anchoring searches by the quote and its context), the
 * note (commenting bodies, Hypothesis `text`), tags (tagging bodies, Hypothesis `tags`), dates,
 * and the page. Ids become urn:uuid ids derived from the tool's own id, so importing the same
 * file twice adds nothing.
 */
import { annotationSchema, LIMITS, savedPageSchema, type Annotation, type SavedPage } from './model';
import { canonicalUrl } from './canonical-url';
import { isRecord, issuesOf, MAX_PROBLEMS, type ImportProblem } from './problems';

export interface ForeignImport {
  ok: true;
  pages: SavedPage[];
  annotations: Annotation[];
  /** Items with nothing to anchor (no quoted passage), with where they are. */
  skipped: ImportProblem[];
  /** Which format the file was read as. */
  format: 'web-annotation' | 'hypothesis';
}
export type ForeignResult = ForeignImport | { ok: false; problems: ImportProblem[] };

const MAX_ITEMS = 100_000;

const asArray = (v: unknown): unknown[] => (v === undefined || v === null ? [] : Array.isArray(v) ? v : [v]);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/** A stable urn:uuid from a foreign id (two 64-bit FNV-1a hashes; version 8, "custom"). */
export function uuidFrom(foreignId: string): string {
  const hash = (seed: bigint) => {
    let h = seed;
    for (let i = 0; i < foreignId.length; i++) {
      h ^= BigInt(foreignId.charCodeAt(i));
      h = (h * 0x100000001b3n) & 0xffffffffffffffffn;
    }
    return h.toString(16).padStart(16, '0');
  };
  const hex = hash(0xcbf29ce484222325n) + hash(0x84222325cbf29ce4n);
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `urn:uuid:${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** An ISO date-time with a zone, or now: other tools write "2024-01-02T03:04:05.678+00:00" or omit it. */
function dateOf(v: unknown, fallback: string): string {
  const s = str(v);
  if (!s) return fallback;
  const t = Date.parse(s);
  return Number.isNaN(t) ? fallback : new Date(t).toISOString();
}

interface Draft {
  path: string;
  id: string;
  source: string;
  title?: string;
  exact?: string;
  prefix: string;
  suffix: string;
  start?: number;
  end?: number;
  note: string;
  tags: string[];
  created: string;
  modified: string;
}

/** The TextQuote and TextPosition selectors among a target's selectors (nested `refinedBy` aside). */
function readSelectors(draft: Draft, selectors: unknown[]): void {
  for (const s of selectors) {
    if (!isRecord(s)) continue;
    if (s.type === 'TextQuoteSelector' && typeof s.exact === 'string' && draft.exact === undefined) {
      draft.exact = s.exact;
      draft.prefix = str(s.prefix) ?? '';
      draft.suffix = str(s.suffix) ?? '';
    } else if (
      s.type === 'TextPositionSelector' &&
      Number.isInteger(s.start) &&
      Number.isInteger(s.end) &&
      draft.start === undefined
    ) {
      draft.start = s.start as number;
      draft.end = s.end as number;
    }
  }
}

/** A W3C annotation's bodies: notes from commenting/describing text, tags from tagging. */
function readBodies(draft: Draft, item: Record<string, unknown>): void {
  const notes: string[] = [];
  if (typeof item.bodyValue === 'string') notes.push(item.bodyValue);
  for (const b of asArray(item.body)) {
    if (typeof b === 'string') continue; // a body that is only a URL: nothing to keep
    if (!isRecord(b)) continue;
    const value = str(b.value) ?? str(b.chars);
    if (value === undefined) continue;
    if (b.purpose === 'tagging') draft.tags.push(value);
    else if (
      b.purpose === undefined ||
      b.purpose === 'commenting' ||
      b.purpose === 'describing' ||
      b.purpose === 'replying'
    )
      notes.push(value);
  }
  draft.note = notes.join('\n\n');
}

function fromWebAnnotation(item: unknown, path: string, now: string): Draft | ImportProblem {
  if (!isRecord(item)) return { path, message: 'expected an annotation object' };
  const target = asArray(item.target)[0];
  const source =
    typeof target === 'string' ? target : isRecord(target) ? (str(target.source) ?? str(target.id)) : undefined;
  if (!source) return { path: `${path}.target`, message: 'no target source (the page the annotation is on)' };
  const created = dateOf(item.created, now);
  const draft: Draft = {
    path,
    id: str(item.id) ?? `${source}#${path}`,
    source,
    prefix: '',
    suffix: '',
    note: '',
    tags: [],
    created,
    modified: dateOf(item.modified, created),
  };
  if (isRecord(target)) readSelectors(draft, asArray(target.selector));
  readBodies(draft, item);
  return draft;
}

function fromHypothesis(row: unknown, path: string, now: string): Draft | ImportProblem {
  if (!isRecord(row)) return { path, message: 'expected an annotation object' };
  const target = asArray(row.target)[0];
  const source = str(row.uri) ?? (isRecord(target) ? str(target.source) : undefined);
  if (!source) return { path: `${path}.uri`, message: 'no uri (the page the annotation is on)' };
  const created = dateOf(row.created, now);
  const title = isRecord(row.document) ? str(asArray(row.document.title)[0]) : undefined;
  const draft: Draft = {
    path,
    id: `hypothesis:${str(row.id) ?? path}`,
    source,
    ...(title ? { title } : {}),
    prefix: '',
    suffix: '',
    note: str(row.text) ?? '',
    tags: asArray(row.tags).filter((t): t is string => typeof t === 'string'),
    created,
    modified: dateOf(row.updated, created),
  };
  if (isRecord(target)) readSelectors(draft, asArray(target.selector));
  return draft;
}

/** Which items the file holds, and how to read them; null if it is none of the known shapes. */
function itemsOf(data: unknown): { items: unknown[]; base: string; format: ForeignImport['format'] } | null {
  if (Array.isArray(data)) {
    const hypothesis = data.length > 0 && data.every((r) => isRecord(r) && 'uri' in r && !('type' in r));
    return { items: data, base: '', format: hypothesis ? 'hypothesis' : 'web-annotation' };
  }
  if (!isRecord(data)) return null;
  if (Array.isArray(data.rows)) return { items: data.rows, base: 'rows', format: 'hypothesis' };
  if (data.type === 'AnnotationCollection') {
    const first = data.first;
    if (isRecord(first) && Array.isArray(first.items))
      return { items: first.items, base: 'first.items', format: 'web-annotation' };
    if (Array.isArray(data.items)) return { items: data.items, base: 'items', format: 'web-annotation' };
    return { items: [], base: 'first.items', format: 'web-annotation' };
  }
  if (data.type === 'AnnotationPage' && Array.isArray(data.items))
    return { items: data.items, base: 'items', format: 'web-annotation' };
  if (data.type === 'Annotation') return { items: [data], base: '', format: 'web-annotation' };
  return null;
}

/** Reads another tool's annotations; `now` dates what the file leaves undated. */
export function parseForeign(data: unknown, now = new Date().toISOString()): ForeignResult {
  const shape = itemsOf(data);
  if (!shape) {
    return {
      ok: false,
      problems: [
        {
          path: '',
          message:
            'not an annotation file this version reads: a W3C Web Annotation collection, page or list, or a Hypothesis export',
        },
      ],
    };
  }
  if (shape.items.length > MAX_ITEMS)
    return { ok: false, problems: [{ path: shape.base, message: `more than ${MAX_ITEMS} annotations` }] };
  const problems: ImportProblem[] = [];
  const skipped: ImportProblem[] = [];
  const annotations: Annotation[] = [];
  const pages = new Map<string, SavedPage>();
  const ids = new Set<string>();
  shape.items.forEach((item, i) => {
    if (problems.length >= MAX_PROBLEMS) return;
    const path = shape.base ? `${shape.base}.${i}` : String(i);
    const draft = shape.format === 'hypothesis' ? fromHypothesis(item, path, now) : fromWebAnnotation(item, path, now);
    if ('message' in draft) return problems.push(draft);
    if (draft.exact === undefined || draft.exact.trim() === '')
      return skipped.push({ path, message: 'quotes no passage of the page (a page note or a reply)' });
    const pageUrl = canonicalUrl(draft.source);
    if (!pageUrl)
      return problems.push({ path, message: `not a web page address: ${JSON.stringify(draft.source.slice(0, 200))}` });
    const id = uuidFrom(draft.id);
    if (ids.has(id)) return problems.push({ path, message: 'the same annotation twice' });
    ids.add(id);
    const start = draft.start ?? 0;
    const end = draft.end !== undefined && draft.end > start ? draft.end : start + draft.exact.length;
    const annotation = annotationSchema.safeParse({
      id,
      pageUrl,
      target: {
        source: pageUrl,
        selector: [
          {
            type: 'TextQuoteSelector',
            exact: draft.exact,
            prefix: draft.prefix.slice(-LIMITS.context),
            suffix: draft.suffix.slice(0, LIMITS.context),
          },
          { type: 'TextPositionSelector', start, end },
        ],
      },
      body: { note: draft.note, tags: [...new Set(draft.tags.map((t) => t.trim()).filter(Boolean))] },
      created: draft.created,
      modified: draft.modified,
      motivation: draft.note ? 'commenting' : draft.tags.length ? 'tagging' : 'highlighting',
    });
    if (!annotation.success) return problems.push(...issuesOf(annotation.error, [path]));
    annotations.push(annotation.data);
    const page = pages.get(pageUrl);
    if (!page) {
      const parsed = savedPageSchema.safeParse({
        url: pageUrl,
        title: (draft.title ?? '').slice(0, LIMITS.title),
        lang: '',
        savedAt: draft.created,
        updatedAt: draft.modified,
        entities: [],
      });
      if (parsed.success) pages.set(pageUrl, parsed.data);
      else problems.push(...issuesOf(parsed.error, [path]));
    } else {
      if (Date.parse(draft.created) < Date.parse(page.savedAt)) page.savedAt = draft.created;
      if (Date.parse(draft.modified) > Date.parse(page.updatedAt)) page.updatedAt = draft.modified;
    }
  });
  if (problems.length) return { ok: false, problems: problems.slice(0, MAX_PROBLEMS) };
  if (annotations.length === 0 && skipped.length === 0)
    return { ok: false, problems: [{ path: shape.base, message: 'no annotations in the file' }] };
  return { ok: true, pages: [...pages.values()], annotations, skipped, format: shape.format };
}
