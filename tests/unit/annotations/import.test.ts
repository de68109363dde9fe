import { describe, expect, test } from 'vitest';
import { toAnnotationCollection, toJsonLd } from '../../../lib/annotations/export';
import { parseImport, planMerge } from '../../../lib/annotations/import';
import type { Annotation } from '../../../lib/annotations/model';
import { HOSTILE, PAGE_URL, sampleAnnotation, samplePage } from './sample';

const nameOf = () => 'Some Name';
const fileOf = (doc: unknown) => JSON.stringify(doc);
/** The exported document, loosely typed so tests can spoil it. */
type Fields = Record<string, unknown>;
interface Doc extends Fields {
  total: unknown;
  first: { items: (Fields & { body: Fields[]; target: Fields & { selector: Fields[] } })[] };
  contextLens?: { version: unknown; pages: Fields[] };
}
const goodDoc = () => toAnnotationCollection([samplePage()], [sampleAnnotation()], nameOf) as unknown as Doc;

function problemsOf(text: string) {
  const result = parseImport(text);
  expect(result.ok).toBe(false);
  return result.ok ? [] : result.problems;
}

describe('import', () => {
  test('gives back exactly what was exported, hostile strings included', () => {
    const pages = [
      samplePage(),
      samplePage({ url: 'https://example.org/ar?x=1', title: HOSTILE.join(' | '), lang: 'ar', entities: [] }),
    ];
    const annotations: Annotation[] = HOSTILE.map((s, i) =>
      sampleAnnotation({
        exact: `${s} ${i}`,
        note: s,
        tags: [s.slice(0, 100) || 'x', 'tag, with "comma"'],
        ...(i % 2 ? { entityId: 'ban-ki-moon' } : {}),
        motivation: (['highlighting', 'commenting', 'tagging'] as const)[i % 3]!,
        target: {
          source: i % 4 ? PAGE_URL : `${PAGE_URL}?print=1`,
          selector: [
            { type: 'TextQuoteSelector', exact: `${s} ${i}`, prefix: s.slice(0, 32), suffix: '"\n,' },
            { type: 'TextPositionSelector', start: i * 10, end: i * 10 + s.length + 2 },
          ],
        },
      }),
    );
    annotations.push(sampleAnnotation({ note: '', tags: [] }));
    const result = parseImport(toJsonLd(pages, annotations, (id) => `<b>${id}</b>`));
    expect(result).toEqual({ ok: true, pages, annotations });
  });

  test('keeps "<script>" in a note as plain text', () => {
    const result = parseImport(toJsonLd([], [sampleAnnotation({ note: '<script>alert(1)</script>' })], nameOf));
    expect(result.ok && result.annotations[0]!.body.note).toBe('<script>alert(1)</script>');
  });

  test('refuses text that is not JSON', () => {
    expect(problemsOf('{"type": "AnnotationCollection",')[0]!.message).toMatch(/not valid JSON/);
  });

  test('refuses other JSON and other annotation collections', () => {
    expect(problemsOf('[1, 2]')[0]!.message).toMatch(/not a Context Lens library export/);
    const foreign = goodDoc();
    delete foreign.contextLens;
    expect(problemsOf(fileOf(foreign))[0]).toEqual({
      path: 'contextLens',
      message: expect.stringMatching(/no contextLens.version/),
    });
  });

  test('refuses an unknown format version, naming it', () => {
    const doc = goodDoc();
    doc.contextLens!.version = 2;
    expect(problemsOf(fileOf(doc))).toEqual([
      {
        path: 'contextLens.version',
        message: 'unsupported format version 2: this version of Context Lens reads version 1',
      },
    ]);
  });

  test('refuses a file over 50 MB before parsing it', () => {
    const huge = `{"pad":"${'x'.repeat(50 * 1024 * 1024)}"}`;
    expect(problemsOf(huge)[0]!.message).toMatch(/larger than 50 MB/);
  });

  test('refuses a file under 50 MB of characters but over 50 MB of UTF-8', () => {
    const huge = `{"pad":"${'é'.repeat(26 * 1024 * 1024)}"}`;
    expect(problemsOf(huge)[0]!.message).toMatch(/larger than 50 MB/);
  });

  test.each([
    ['a wrong type', (d: Doc) => (d.first.items[0]!.created = 12), 'first.items.0.created'],
    [
      'a javascript: URL',
      (d: Doc) => (d.first.items[0]!.target.source = 'javascript:alert(1)'),
      'first.items.0.target.source',
    ],
    ['a non-http page', (d: Doc) => (d.contextLens!.pages[0]!.url = 'file:///etc/passwd'), 'contextLens.pages.0.url'],
    [
      'a note over the limit',
      (d: Doc) => (d.first.items[0]!.body[0]!.value = 'x'.repeat(10_001)),
      'first.items.0.body.0.value',
    ],
    [
      'a tag over the limit',
      (d: Doc) => (d.first.items[0]!.body[1]!.value = 'x'.repeat(101)),
      'first.items.0.body.1.value',
    ],
    [
      'a quote over the limit',
      (d: Doc) => (d.first.items[0]!.target.selector[0]!.exact = 'x'.repeat(5001)),
      'first.items.0.target.selector.0.exact',
    ],
    [
      'a title over the limit',
      (d: Doc) => (d.contextLens!.pages[0]!.title = 'x'.repeat(2001)),
      'contextLens.pages.0.title',
    ],
    ['two notes', (d: Doc) => d.first.items[0]!.body.push(d.first.items[0]!.body[0]!), 'first.items.0.body'],
    ['an unknown field', (d: Doc) => (d.first.items[0]!.onload = 'alert(1)'), 'first.items.0'],
    [
      'a bad entity body',
      (d: Doc) =>
        d.first.items[0]!.body.push({
          type: 'TextualBody',
          purpose: 'identifying',
          id: 'https://evil.example',
          value: 'x',
        }),
      'first.items.0.body.2.id',
    ],
    ['a duplicate id', (d: Doc) => d.first.items.push(d.first.items[0]!), 'first.items.1.id'],
    ['a wrong total', (d: Doc) => (d.total = 7), 'total'],
  ])('refuses %s, saying where', (_name, spoil, path) => {
    const doc = goodDoc();
    spoil(doc);
    expect(problemsOf(fileOf(doc)).map((p) => p.path)).toContain(path);
  });

  test('reports every problem at once, up to a limit', () => {
    const doc = goodDoc();
    doc.first.items = Array.from({ length: 80 }, (_, i) => ({ ...doc.first.items[0]!, id: `bad-${i}` }));
    doc.total = 80;
    const problems = problemsOf(fileOf(doc));
    expect(problems.length).toBe(50);
  });
});

describe('merging an import', () => {
  const a = sampleAnnotation({ note: 'original' });
  const page = samplePage();

  test('adds what is new, leaves what is the same', () => {
    const b = sampleAnnotation({ exact: 'other' });
    const plan = planMerge({ pages: [page], annotations: [a] }, { pages: [page], annotations: [a, b] });
    expect(plan.annotationsToPut).toEqual([b]);
    expect(plan.pagesToPut).toEqual([]);
    expect(plan.report).toEqual({
      added: 1,
      updated: 0,
      unchanged: 1,
      skipped: 0,
      pages: { added: 0, updated: 0, unchanged: 1, skipped: 0 },
    });
  });

  test('keeps the newer of two versions of the same annotation', () => {
    const newer = { ...a, body: { ...a.body, note: 'edited' }, modified: '2024-06-01T00:00:00.000Z' };
    expect(planMerge({ pages: [], annotations: [a] }, { pages: [], annotations: [newer] })).toMatchObject({
      annotationsToPut: [newer],
      report: { updated: 1 },
    });
    expect(planMerge({ pages: [], annotations: [newer] }, { pages: [], annotations: [a] })).toMatchObject({
      annotationsToPut: [],
      report: { skipped: 1 },
    });
  });

  test('skips an annotation of the same passage with the same note under another id', () => {
    const copy = { ...a, id: 'urn:uuid:11111111-1111-4111-8111-111111111111', created: '2025-01-01T00:00:00Z' };
    expect(planMerge({ pages: [], annotations: [a] }, { pages: [], annotations: [copy] })).toMatchObject({
      annotationsToPut: [],
      report: { skipped: 1, added: 0 },
    });
    const twice = planMerge({ pages: [], annotations: [] }, { pages: [], annotations: [a, copy] });
    expect(twice.annotationsToPut).toEqual([a]);
  });

  test('treats a missing and an undefined entityId as the same record', () => {
    const stored = { ...a, entityId: undefined };
    expect(planMerge({ pages: [], annotations: [stored] }, { pages: [], annotations: [a] }).report.unchanged).toBe(1);
  });

  test('updates a page only when the import is newer, keeping the first save time', () => {
    const later = samplePage({
      title: 'New title',
      savedAt: '2024-07-01T00:00:00.000Z',
      updatedAt: '2024-07-01T00:00:00.000Z',
    });
    expect(planMerge({ pages: [page], annotations: [] }, { pages: [later], annotations: [] }).pagesToPut).toEqual([
      { ...later, savedAt: page.savedAt },
    ]);
    expect(planMerge({ pages: [later], annotations: [] }, { pages: [page], annotations: [] }).report.pages).toEqual({
      added: 0,
      updated: 0,
      unchanged: 0,
      skipped: 1,
    });
  });

  test('importing the same file twice changes nothing the second time', () => {
    const result = parseImport(toJsonLd([page], [a], nameOf));
    if (!result.ok) throw new Error('import failed');
    const first = planMerge({ pages: [], annotations: [] }, result);
    const second = planMerge({ pages: first.pagesToPut, annotations: first.annotationsToPut }, result);
    expect(second.report).toEqual({
      added: 0,
      updated: 0,
      unchanged: 1,
      skipped: 0,
      pages: { added: 0, updated: 0, unchanged: 1, skipped: 0 },
    });
  });
});
