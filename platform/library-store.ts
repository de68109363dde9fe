/**
 * Every read and write of the research library (saved pages, annotations, tags). Each write is
 * one IndexedDB transaction, so writes from several tabs at once interleave without loss, and
 * a failure (a full disk) leaves what was saved before untouched.
 */
import type { Annotation, SavedPage } from '../lib/annotations/model';
import { planMerge, type MergeReport } from '../lib/annotations/import';
import { annotationRow, isQuotaError, pageRow, type AnnotationRow, type LensDatabase, type PageRow } from './db';

export type LibraryFailure = 'quota' | 'failed';

/** A write that did not happen, with why; nothing was changed. */
export class LibraryError extends Error {
  constructor(
    readonly reason: LibraryFailure,
    cause: unknown,
  ) {
    super(reason === 'quota' ? 'The browser has no room left to save this.' : 'Saving failed.', { cause });
  }
}

/** Runs a write; any failure becomes a LibraryError saying whether the disk was full. */
export async function guarded<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    throw new LibraryError(isQuotaError(error) ? 'quota' : 'failed', error);
  }
}

export function stripPage({ site: _site, entityIds: _ids, ...page }: PageRow): SavedPage {
  return page;
}

export function stripAnnotation({ tags: _tags, ...annotation }: AnnotationRow): Annotation {
  return annotation;
}

/** Saves or refreshes a page; the first save time is kept. */
async function putPage(db: LensDatabase, page: SavedPage): Promise<void> {
  const existing = await db.pages.get(page.url);
  await db.pages.put(pageRow({ ...page, savedAt: existing?.savedAt ?? page.savedAt }));
}

async function putTags(db: LensDatabase, tags: string[], now: string): Promise<void> {
  for (const name of new Set(tags)) if (!(await db.tags.get(name))) await db.tags.put({ name, created: now });
}

export function savePage(db: LensDatabase, page: SavedPage): Promise<void> {
  return guarded(() => db.transaction('rw', db.pages, () => putPage(db, page)));
}

/** Saves an annotation and (re)saves its page with it, atomically. */
export function saveAnnotation(db: LensDatabase, page: SavedPage, annotation: Annotation): Promise<void> {
  return guarded(() =>
    db.transaction('rw', db.pages, db.annotations, db.tags, async () => {
      await putPage(db, page);
      await db.annotations.put(annotationRow(annotation));
      await putTags(db, annotation.body.tags, annotation.modified);
    }),
  );
}

export async function annotationsForPage(db: LensDatabase, url: string): Promise<Annotation[]> {
  return (await db.annotations.where('pageUrl').equals(url).toArray()).map(stripAnnotation);
}

/** Changes a note and its tags; returns the annotation as it was (for undo), or null if gone. */
export function updateAnnotation(
  db: LensDatabase,
  id: string,
  change: { note: string; tags: string[] },
  now: string,
): Promise<Annotation | null> {
  return guarded(() =>
    db.transaction('rw', db.annotations, db.tags, async () => {
      const row = await db.annotations.get(id);
      if (!row) return null;
      const next: Annotation = {
        ...stripAnnotation(row),
        body: { ...row.body, note: change.note, tags: change.tags },
        modified: now,
      };
      await db.annotations.put(annotationRow(next));
      await putTags(db, change.tags, now);
      return stripAnnotation(row);
    }),
  );
}

export interface Removed {
  pages: SavedPage[];
  annotations: Annotation[];
}

/** Deletes annotations, and pages with all their annotations; returns what went, for undo. */
export function removeFromLibrary(
  db: LensDatabase,
  target: { annotationIds?: string[]; pageUrls?: string[] },
): Promise<Removed> {
  return guarded(() =>
    db.transaction('rw', db.pages, db.annotations, async () => {
      const pageUrls = target.pageUrls ?? [];
      const pages = (await db.pages.bulkGet(pageUrls)).filter((p): p is PageRow => !!p);
      const ofPages = pageUrls.length ? await db.annotations.where('pageUrl').anyOf(pageUrls).toArray() : [];
      const direct = (await db.annotations.bulkGet(target.annotationIds ?? [])).filter((a): a is AnnotationRow => !!a);
      const annotations = [...new Map([...ofPages, ...direct].map((a) => [a.id, a])).values()];
      await db.annotations.bulkDelete(annotations.map((a) => a.id));
      await db.pages.bulkDelete(pages.map((p) => p.url));
      return { pages: pages.map(stripPage), annotations: annotations.map(stripAnnotation) };
    }),
  );
}

/** Puts back what removeFromLibrary took away (undo). */
export function restoreToLibrary(db: LensDatabase, removed: Removed): Promise<void> {
  return guarded(() =>
    db.transaction('rw', db.pages, db.annotations, async () => {
      await db.pages.bulkPut(removed.pages.map(pageRow));
      await db.annotations.bulkPut(removed.annotations.map(annotationRow));
    }),
  );
}

export interface Library {
  pages: SavedPage[];
  annotations: Annotation[];
}

export async function readLibrary(db: LensDatabase): Promise<Library> {
  return db.transaction('r', db.pages, db.annotations, async () => ({
    pages: (await db.pages.orderBy('updatedAt').reverse().toArray()).map(stripPage),
    annotations: (await db.annotations.toArray()).map(stripAnnotation),
  }));
}

/** Merges an imported library without duplicates, all or nothing. */
export function importIntoLibrary(db: LensDatabase, incoming: Library): Promise<MergeReport> {
  return guarded(() =>
    db.transaction('rw', db.pages, db.annotations, db.tags, async () => {
      const existing = await readLibrary(db);
      const plan = planMerge(existing, incoming);
      await db.pages.bulkPut(plan.pagesToPut.map(pageRow));
      await db.annotations.bulkPut(plan.annotationsToPut.map(annotationRow));
      const now = new Date().toISOString();
      await putTags(
        db,
        plan.annotationsToPut.flatMap((a) => a.body.tags),
        now,
      );
      return plan.report;
    }),
  );
}
