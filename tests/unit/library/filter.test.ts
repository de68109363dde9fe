import { describe, expect, test } from 'vitest';
import { filterChoices, isEmptyFilter, selectLibrary } from '../../../lib/annotations/filter';
import type { Annotation, SavedPage } from '../../../lib/annotations/model';

const page = (url: string, updatedAt: string, entities: string[] = [], title = url): SavedPage => ({
  url,
  title,
  lang: 'en',
  savedAt: updatedAt,
  updatedAt,
  entities: entities.map((id) => ({ id, count: 1 })),
});

let n = 0;
const note = (
  pageUrl: string,
  exact: string,
  extra: Partial<Annotation['body']> & { entityId?: string; modified?: string; start?: number } = {},
): Annotation => ({
  id: `urn:uuid:00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`,
  pageUrl,
  target: {
    source: pageUrl,
    selector: [
      { type: 'TextQuoteSelector', exact, prefix: '', suffix: '' },
      { type: 'TextPositionSelector', start: extra.start ?? 0, end: (extra.start ?? 0) + exact.length },
    ],
  },
  ...(extra.entityId ? { entityId: extra.entityId } : {}),
  body: { note: extra.note ?? '', tags: extra.tags ?? [] },
  created: extra.modified ?? '2026-01-01T00:00:00.000Z',
  modified: extra.modified ?? '2026-01-01T00:00:00.000Z',
  motivation: 'commenting',
});

const A = 'https://news.un.org/en/story/1';
const B = 'https://www.unaoc.org/event';
const pages = [
  page(A, '2026-03-01T00:00:00.000Z', ['unaoc', 'ban-ki-moon'], 'UN News: Alliance'),
  page(B, '2026-04-01T00:00:00.000Z', ['unaoc'], 'Événement à Shanghai'),
];
const notes = [
  note(A, 'Ban Ki-moon said', { note: 'Key quote for chapter 2', tags: ['quote'], entityId: 'ban-ki-moon', start: 50 }),
  note(A, 'Alliance of Civilizations', {
    note: 'Définition',
    tags: ['definition'],
    start: 10,
    modified: '2026-02-15T10:00:00.000Z',
  }),
  note(B, '上海', { note: 'مؤتمر إقليمي', tags: ['quote'] }),
];

describe('selecting the library', () => {
  test('no filter: every page, newest first, annotations in page order', () => {
    const all = selectLibrary(pages, notes, {});
    expect(all.map((s) => s.page.url)).toEqual([B, A]);
    expect(all[1]!.annotations.map((a) => a.target.selector[0].exact)).toEqual([
      'Alliance of Civilizations',
      'Ban Ki-moon said',
    ]);
    expect(isEmptyFilter({ query: '  ' })).toBe(true);
  });

  test('full text over notes, quotes and tags ignores case and accents, in any script', () => {
    expect(selectLibrary(pages, notes, { query: 'definition' })[0]!.annotations).toHaveLength(1);
    expect(selectLibrary(pages, notes, { query: 'KEY chapter' })[0]!.annotations[0]!.body.note).toMatch(/chapter/);
    expect(selectLibrary(pages, notes, { query: 'مؤتمر' }).map((s) => s.page.url)).toEqual([B]);
    expect(selectLibrary(pages, notes, { query: '上海' }).map((s) => s.page.url)).toEqual([B]);
    expect(selectLibrary(pages, notes, { query: 'evenement' }).map((s) => s.page.url)).toEqual([B]);
    expect(selectLibrary(pages, notes, { query: 'nothing like this' })).toEqual([]);
  });

  test('filters by tag, site, entity and date', () => {
    expect(selectLibrary(pages, notes, { tag: 'quote' }).flatMap((s) => s.annotations).length).toBe(2);
    expect(selectLibrary(pages, notes, { site: 'www.unaoc.org' }).map((s) => s.page.url)).toEqual([B]);
    expect(selectLibrary(pages, notes, { entityId: 'ban-ki-moon' }).map((s) => s.page.url)).toEqual([A]);
    const inFebruary = selectLibrary(pages, notes, { from: '2026-02-01', to: '2026-02-28' });
    expect(inFebruary.flatMap((s) => s.annotations).map((a) => a.body.note)).toEqual(['Définition']);
  });

  test('annotations without a saved page record still show, under their URL', () => {
    const orphanPage = 'https://example.org/only-notes';
    const sel = selectLibrary([], [note(orphanPage, 'text')], {});
    expect(sel[0]!.page.url).toBe(orphanPage);
  });

  test('filter menus list what is saved', () => {
    const choices = filterChoices(pages, notes);
    expect(choices.tags).toEqual(['definition', 'quote']);
    expect(choices.sites).toEqual(['news.un.org', 'www.unaoc.org']);
    expect(choices.entityIds.sort()).toEqual(['ban-ki-moon', 'unaoc']);
  });
});
