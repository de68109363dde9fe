// IndexedDB in Node, installed before Dexie reads the globals.
import 'fake-indexeddb/auto';
import { describe, expect, test, vi } from 'vitest';
import { LensDatabase } from '../../../platform/db';
import {
  annotationsForPage,
  LibraryError,
  readLibrary,
  removeFromLibrary,
  restoreToLibrary,
  saveAnnotation,
  savePage,
  updateAnnotation,
} from '../../../platform/library-store';
import { newAnnotationId, type Annotation, type SavedPage } from '../../../lib/annotations/model';

let n = 0;
const freshDb = () => new LensDatabase(`library-${++n}`);
const URL_A = 'https://news.un.org/en/story/2012/11/1';

function page(url = URL_A, at = '2026-11-22T10:00:00.000Z'): SavedPage {
  return {
    url,
    title: 'Alliance of Civilizations',
    lang: 'en',
    savedAt: at,
    updatedAt: at,
    entities: [{ id: 'unaoc', count: 3 }],
  };
}

function annotation(note: string, pageUrl = URL_A, tags: string[] = []): Annotation {
  const now = '2026-11-22T10:00:00.000Z';
  return {
    id: newAnnotationId(),
    pageUrl,
    target: {
      source: pageUrl,
      selector: [
        { type: 'TextQuoteSelector', exact: 'Alliance of Civilizations', prefix: 'the ', suffix: ' forum' },
        { type: 'TextPositionSelector', start: 100, end: 125 },
      ],
    },
    body: { note, tags },
    motivation: note ? 'commenting' : 'highlighting',
    created: now,
    modified: now,
  };
}

describe('the library store', () => {
  test('saving a note saves its page; re-saving the page keeps its first save time', async () => {
    const db = freshDb();
    await saveAnnotation(db, page(), annotation('first', URL_A, ['quote']));
    await savePage(db, page(URL_A, '2026-11-23T10:00:00.000Z'));
    const library = await readLibrary(db);
    expect(library.pages).toHaveLength(1);
    expect(library.pages[0]!.savedAt).toBe('2026-11-22T10:00:00.000Z');
    expect(library.pages[0]!.updatedAt).toBe('2026-11-23T10:00:00.000Z');
    expect(await annotationsForPage(db, URL_A)).toHaveLength(1);
    expect((await db.tags.toArray()).map((t) => t.name)).toEqual(['quote']);
  });

  test('writes from many tabs at once lose nothing', async () => {
    const db = freshDb();
    const urls = ['https://a.example/1', 'https://b.example/2', 'https://c.example/3'];
    const notes = Array.from({ length: 60 }, (_, i) => annotation(`note ${i}`, urls[i % 3]!));
    // Each "tab" uses its own connection, as content scripts reach the background one message at a time.
    const tabs = urls.map(() => new LensDatabase(db.name));
    await Promise.all(notes.map((a, i) => saveAnnotation(tabs[i % 3]!, page(a.pageUrl), a)));
    const library = await readLibrary(db);
    expect(library.annotations).toHaveLength(60);
    expect(library.pages.map((p) => p.url).sort()).toEqual(urls);
  });

  test('a full disk is reported as such and leaves what was saved before intact', async () => {
    const db = freshDb();
    await saveAnnotation(db, page(), annotation('kept'));
    const quota = Object.assign(new Error('quota'), { name: 'QuotaExceededError' });
    const spy = vi.spyOn(db.annotations, 'put').mockRejectedValueOnce(quota);
    const failed = await saveAnnotation(db, page(URL_A, '2026-11-24T00:00:00.000Z'), annotation('lost?')).catch(
      (e: unknown) => e,
    );
    spy.mockRestore();
    expect(failed).toBeInstanceOf(LibraryError);
    expect((failed as LibraryError).reason).toBe('quota');
    const library = await readLibrary(db);
    expect(library.annotations.map((a) => a.body.note)).toEqual(['kept']);
    // The page update in the same transaction was rolled back too.
    expect(library.pages[0]!.updatedAt).toBe('2026-11-22T10:00:00.000Z');
  });

  test('editing returns the previous version; deleting and undoing restores exactly', async () => {
    const db = freshDb();
    const a = annotation('draft', URL_A, ['x']);
    await saveAnnotation(db, page(), a);
    const before = await updateAnnotation(
      db,
      a.id,
      { note: 'final <b>text</b>', tags: ['y'] },
      '2026-11-25T00:00:00.000Z',
    );
    expect(before?.body.note).toBe('draft');
    const snapshot = await readLibrary(db);
    expect(snapshot.annotations[0]!.body).toEqual({ note: 'final <b>text</b>', tags: ['y'] });

    const removed = await removeFromLibrary(db, { pageUrls: [URL_A] });
    expect(removed.annotations).toHaveLength(1);
    expect(await readLibrary(db)).toEqual({ pages: [], annotations: [] });
    await restoreToLibrary(db, removed);
    expect(await readLibrary(db)).toEqual(snapshot);
    expect(
      await updateAnnotation(
        db,
        'urn:uuid:00000000-0000-4000-8000-000000000000',
        { note: '', tags: [] },
        '2026-11-25T00:00:00.000Z',
      ),
    ).toBeNull();
  });
});
