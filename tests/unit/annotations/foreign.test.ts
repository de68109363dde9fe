/** Other tools' annotation files: W3C Web Annotation JSON-LD and Hypothesis exports. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parseAnyImport } from '../../../lib/annotations/import';
import { uuidFrom } from '../../../lib/annotations/foreign';

const hypothesis = readFileSync(join(import.meta.dirname, '../../fixtures/annotations/hypothesis-export.json'), 'utf8');

const w3c = (items: unknown[]) =>
  JSON.stringify({
    '@context': 'http://www.w3.org/ns/anno.jsonld',
    id: 'https://tool.example/c/1',
    type: 'AnnotationCollection',
    total: items.length,
    first: { type: 'AnnotationPage', items },
  });
const annotation = (over: Record<string, unknown> = {}) => ({
  '@context': 'http://www.w3.org/ns/anno.jsonld',
  id: 'https://tool.example/anno/1',
  type: 'Annotation',
  created: '2023-11-01T12:00:00Z',
  body: [
    { type: 'TextualBody', value: 'An important claim', purpose: 'commenting', format: 'text/plain' },
    { type: 'TextualBody', value: 'claims', purpose: 'tagging' },
  ],
  target: {
    source: 'https://example.org/article?utm_source=feed#top',
    selector: [
      { type: 'TextQuoteSelector', exact: 'the Security Council', prefix: 'said ', suffix: ' met' },
      { type: 'TextPositionSelector', start: 10, end: 30 },
    ],
  },
  ...over,
});

describe('a Hypothesis export', () => {
  test('keeps quotes, notes, tags, dates and pages; leaves page notes out, listed', () => {
    const r = parseAnyImport(hypothesis);
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    expect(r.foreign).toBe('hypothesis');
    expect(r.annotations).toHaveLength(2);
    const [first, second] = r.annotations;
    expect(first!.target.selector[0].exact).toBe('deep and practical consequences');
    expect(first!.target.selector[1]).toEqual({ type: 'TextPositionSelector', start: 1499, end: 1530 });
    expect(first!.body).toEqual({ note: 'Compare with the 2005 report.', tags: ['argument', 'UNAOC'] });
    expect(first!.created).toBe('2024-05-02T10:11:12.345Z');
    expect(first!.motivation).toBe('commenting');
    expect(second!.motivation).toBe('highlighting');
    expect(second!.target.selector[1]).toEqual({
      type: 'TextPositionSelector',
      start: 0,
      end: 'Harmony Through Diversity'.length,
    });
    expect(r.pages.map((p) => p.url).sort()).toEqual([
      'https://news.un.org/en/story/2012/09/421552',
      'https://www.unaoc.org/2012/10/shanghai/',
    ]);
    expect(r.pages.find((p) => p.url.includes('news.un.org'))!.title).toMatch(/^Ban hails/);
    expect(r.skipped).toEqual([{ path: 'rows.1', message: expect.stringMatching(/no passage/) }]);
  });

  test('importing it twice gives the same ids (nothing is added the second time)', () => {
    const a = parseAnyImport(hypothesis);
    const b = parseAnyImport(hypothesis);
    expect(a.ok && b.ok && a.annotations.map((x) => x.id)).toEqual(b.ok && b.annotations.map((x) => x.id));
    expect(uuidFrom('x')).toMatch(/^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(uuidFrom('x')).not.toBe(uuidFrom('y'));
  });
});

describe('W3C Web Annotation files from other tools', () => {
  test.each([
    ['a collection', w3c([annotation()])],
    ['a page', JSON.stringify({ type: 'AnnotationPage', items: [annotation()] })],
    ['one annotation', JSON.stringify(annotation())],
    ['a list', JSON.stringify([annotation()])],
  ])('%s: the quote, note, tags and a canonical page', (_, text) => {
    const r = parseAnyImport(text);
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    expect(r.foreign).toBe('web-annotation');
    const [a] = r.annotations;
    expect(a!.pageUrl).toBe('https://example.org/article');
    expect(a!.body).toEqual({ note: 'An important claim', tags: ['claims'] });
    expect(a!.target.selector[0]).toEqual({
      type: 'TextQuoteSelector',
      exact: 'the Security Council',
      prefix: 'said ',
      suffix: ' met',
    });
  });

  test('bodyValue and a body with no purpose are notes; a body that is only a URL is ignored', () => {
    const r = parseAnyImport(
      JSON.stringify(
        annotation({ body: ['https://example.org/tag', { type: 'TextualBody', value: 'plain' }], bodyValue: 'short' }),
      ),
    );
    expect(r.ok && r.annotations[0]!.body.note).toBe('short\n\nplain');
  });

  test('a hostile or broken item refuses the whole file, saying where', () => {
    const bad = [
      annotation(),
      annotation({
        id: 'b',
        target: { source: 'javascript:alert(1)', selector: [{ type: 'TextQuoteSelector', exact: 'x' }] },
      }),
      annotation({ id: 'c', target: {} }),
      'not an object',
    ];
    const r = parseAnyImport(w3c(bad));
    expect(r.ok).toBe(false);
    const paths = !r.ok ? r.problems.map((p) => p.path) : [];
    expect(paths).toEqual(expect.arrayContaining(['first.items.1', 'first.items.2.target', 'first.items.3']));
  });

  test('notes longer than the library keeps are refused, not cut', () => {
    const r = parseAnyImport(JSON.stringify(annotation({ bodyValue: 'x'.repeat(20_000), body: undefined })));
    expect(r.ok).toBe(false);
  });

  test('what is not an annotation file says so', () => {
    for (const text of ['{"hello": 1}', '[]', '42', '{"type":"AnnotationCollection"}']) {
      const r = parseAnyImport(text);
      expect(r.ok).toBe(false);
    }
  });
});
