/**
 * Importing a library file (issue 7): everything in it is untrusted. The file is checked against
 * the same schemas and limits as what the extension saves, each problem is reported with where it
 * is, and nothing is imported unless the whole file is good. Notes stay plain text.
 */
import {
  ENTITY_URN,
  FORMAT_VERSION,
  MAX_IMPORT_BYTES,
  envelopeSchema,
  jsonLdAnnotationSchema,
  type JsonLdAnnotation,
} from './jsonld';
import { annotationSchema, savedPageSchema, type Annotation, type SavedPage } from './model';
import { parseForeign } from './foreign';
import { isRecord, issuesOf, MAX_PROBLEMS, type ImportProblem } from './problems';

export type { ImportProblem } from './problems';

export type ImportResult =
  | {
      ok: true;
      pages: SavedPage[];
      annotations: Annotation[];
      /** Another tool's items with nothing to anchor (page notes, replies), not imported. */
      skipped?: ImportProblem[];
      /** Set when the file came from another tool. */
      foreign?: 'web-annotation' | 'hypothesis';
    }
  | { ok: false; problems: ImportProblem[] };

/** UTF-8 size without encoding a copy of a 50 MB string. */
function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

function fromWebAnnotation(item: JsonLdAnnotation): Annotation {
  const bodies = item.body ?? [];
  const entity = bodies.find((b) => b.purpose === 'identifying');
  return {
    id: item.id,
    pageUrl: item.contextLens?.pageUrl ?? item.target.source,
    target: { source: item.target.source, selector: item.target.selector },
    ...(entity ? { entityId: entity.id.slice(ENTITY_URN.length) } : {}),
    body: {
      note: bodies.find((b) => b.purpose === 'commenting')?.value ?? '',
      tags: bodies.filter((b) => b.purpose === 'tagging').map((b) => b.value),
    },
    created: item.created,
    modified: item.modified,
    motivation: item.motivation,
  };
}

/**
 * Reads any annotation file the library imports: our own export (parseImport), or another
 * tool's W3C Web Annotations or Hypothesis export (foreign.ts). All or nothing either way.
 */
export function parseAnyImport(jsonText: string): ImportResult {
  const read = readJson(jsonText);
  if (!read.ok) return read;
  if (isRecord(read.data) && 'contextLens' in read.data) return parseExport(read.data);
  const foreign = parseForeign(read.data);
  if (!foreign.ok) return foreign;
  return {
    ok: true,
    pages: foreign.pages,
    annotations: foreign.annotations,
    skipped: foreign.skipped,
    foreign: foreign.format,
  };
}

/** The file's JSON, or why it cannot be read: too big (checked before parsing) or not JSON. */
function readJson(jsonText: string): { ok: true; data: unknown } | { ok: false; problems: ImportProblem[] } {
  const limitMb = MAX_IMPORT_BYTES / 1024 / 1024;
  if (
    jsonText.length > MAX_IMPORT_BYTES ||
    (jsonText.length * 3 > MAX_IMPORT_BYTES && utf8Length(jsonText) > MAX_IMPORT_BYTES)
  ) {
    return { ok: false, problems: [{ path: '', message: `the file is larger than ${limitMb} MB` }] };
  }
  try {
    return { ok: true, data: JSON.parse(jsonText) as unknown };
  } catch (error) {
    return { ok: false, problems: [{ path: '', message: `not valid JSON (${(error as Error).message})` }] };
  }
}

/** Reads a file written by toJsonLd; refuses it whole, with every problem found, if anything is wrong. */
export function parseImport(jsonText: string): ImportResult {
  const read = readJson(jsonText);
  return read.ok ? parseExport(read.data) : read;
}

/** Our own export, parsed: parseImport without the reading. */
function parseExport(data: unknown): ImportResult {
  const fail = (problems: ImportProblem[]): ImportResult => ({ ok: false, problems: problems.slice(0, MAX_PROBLEMS) });
  if (!isRecord(data) || data.type !== 'AnnotationCollection') {
    return fail([{ path: '', message: 'not a Context Lens library export (expected a W3C AnnotationCollection)' }]);
  }
  if (!isRecord(data.contextLens) || !('version' in data.contextLens)) {
    return fail([{ path: 'contextLens', message: 'not a Context Lens library export (no contextLens.version)' }]);
  }
  const version = data.contextLens.version;
  if (version !== FORMAT_VERSION) {
    return fail([
      {
        path: 'contextLens.version',
        message: `unsupported format version ${JSON.stringify(version)}: this version of Context Lens reads version ${FORMAT_VERSION}`,
      },
    ]);
  }
  const envelope = envelopeSchema.safeParse(data);
  if (!envelope.success) return fail(issuesOf(envelope.error, []));

  const problems: ImportProblem[] = [];
  const pages: SavedPage[] = [];
  const pageUrls = new Set<string>();
  envelope.data.contextLens.pages.forEach((raw, i) => {
    const page = savedPageSchema.safeParse(raw);
    if (!page.success) problems.push(...issuesOf(page.error, ['contextLens', 'pages', i]));
    else if (pageUrls.has(page.data.url))
      problems.push({ path: `contextLens.pages.${i}.url`, message: 'the same page twice' });
    else {
      pageUrls.add(page.data.url);
      pages.push(page.data);
    }
  });
  const annotations: Annotation[] = [];
  const ids = new Set<string>();
  envelope.data.first.items.forEach((raw, i) => {
    if (problems.length >= MAX_PROBLEMS) return;
    const item = jsonLdAnnotationSchema.safeParse(raw);
    if (!item.success) return problems.push(...issuesOf(item.error, ['first', 'items', i]));
    if (ids.has(item.data.id))
      return problems.push({ path: `first.items.${i}.id`, message: 'the same annotation id twice' });
    ids.add(item.data.id);
    // The item schema checks every field the model does; this is a last guard should they drift.
    const annotation = annotationSchema.safeParse(fromWebAnnotation(item.data));
    if (!annotation.success) return problems.push(...issuesOf(annotation.error, ['first', 'items', i]));
    annotations.push(annotation.data);
  });
  if (envelope.data.total !== envelope.data.first.items.length) {
    problems.push({
      path: 'total',
      message: `says ${envelope.data.total} annotations, the file holds ${envelope.data.first.items.length}`,
    });
  }
  return problems.length ? fail(problems) : { ok: true, pages, annotations };
}

export interface MergeCounts {
  added: number;
  updated: number;
  unchanged: number;
  skipped: number;
}
/** Counts for annotations, and the same for pages. */
export interface MergeReport extends MergeCounts {
  pages: MergeCounts;
}
export interface MergePlan {
  pagesToPut: SavedPage[];
  annotationsToPut: Annotation[];
  report: MergeReport;
}

/** Same JSON value, key order aside; a key holding undefined counts as absent (as in IndexedDB rows). */
function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => sameValue(x, b[i]));
  }
  if (!isRecord(a) || !isRecord(b)) return false;
  const keys = (o: Record<string, unknown>) => Object.keys(o).filter((k) => o[k] !== undefined);
  const ka = keys(a);
  return ka.length === keys(b).length && ka.every((k) => Object.hasOwn(b, k) && sameValue(a[k], b[k]));
}

const newer = (a: string, b: string) => Date.parse(a) > Date.parse(b);

/** Two annotations of the same passage with the same note, made apart (e.g. on two computers). */
function duplicateKey(a: Annotation): string {
  const [quote, position] = a.target.selector;
  return JSON.stringify([a.pageUrl, quote.exact, position.start, position.end, a.body.note]);
}

const counts = (): MergeCounts => ({ added: 0, updated: 0, unchanged: 0, skipped: 0 });

/**
 * What to write so the library holds both sides without duplicates. Same id: the newer
 * `modified` (`updatedAt` for pages) wins, a tie keeps what is there. A different id with the same
 * page, quote, position and note is a duplicate and skipped. Pages keep their first `savedAt`.
 */
export function planMerge(
  existing: { pages: readonly SavedPage[]; annotations: readonly Annotation[] },
  incoming: { pages: readonly SavedPage[]; annotations: readonly Annotation[] },
): MergePlan {
  const report: MergeReport = { ...counts(), pages: counts() };
  const pagesToPut: SavedPage[] = [];
  const pagesByUrl = new Map(existing.pages.map((p) => [p.url, p]));
  for (const page of incoming.pages) {
    const current = pagesByUrl.get(page.url);
    if (!current) {
      report.pages.added++;
    } else if (sameValue(current, page)) {
      report.pages.unchanged++;
      continue;
    } else if (newer(page.updatedAt, current.updatedAt)) {
      report.pages.updated++;
    } else {
      report.pages.skipped++;
      continue;
    }
    const savedAt = current && newer(page.savedAt, current.savedAt) ? current.savedAt : page.savedAt;
    const next = { ...page, savedAt };
    pagesByUrl.set(page.url, next);
    pagesToPut.push(next);
  }

  const byId = new Map(existing.annotations.map((a) => [a.id, a]));
  const keys = new Set(existing.annotations.map(duplicateKey));
  const toPut = new Map<string, Annotation>();
  for (const annotation of incoming.annotations) {
    const current = toPut.get(annotation.id) ?? byId.get(annotation.id);
    if (!current) {
      const key = duplicateKey(annotation);
      if (keys.has(key)) {
        report.skipped++;
        continue;
      }
      keys.add(key);
      report.added++;
    } else if (sameValue(current, annotation)) {
      report.unchanged++;
      continue;
    } else if (newer(annotation.modified, current.modified)) {
      report.updated++;
      keys.add(duplicateKey(annotation));
    } else {
      report.skipped++;
      continue;
    }
    toPut.set(annotation.id, annotation);
  }
  return { pagesToPut, annotationsToPut: [...toPut.values()], report };
}
