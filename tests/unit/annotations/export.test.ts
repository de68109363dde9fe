import { describe, expect, test } from 'vitest';
import { CSV_COLUMNS, toAnnotationCollection, toCsv, toJsonLd, toMarkdown } from '../../../lib/annotations/export';
import { HOSTILE, PAGE_URL, sampleAnnotation, samplePage } from './sample';

const nameOf = (id: string) => ({ 'ban-ki-moon': 'Ban Ki-moon' })[id];

/** RFC 4180 reader, to check what a spreadsheet would see. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted && c === '"' && text[i + 1] === '"') {
      field += '"';
      i++;
    } else if (quoted && c === '"') {
      quoted = false;
    } else if (quoted) {
      field += c;
    } else if (c === '"') {
      quoted = true;
    } else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else {
      field += c;
    }
  }
  return rows;
}

describe('JSON-LD export', () => {
  test('is a W3C AnnotationCollection with textual, tagging and identifying bodies', () => {
    const annotation = sampleAnnotation({ entityId: 'ban-ki-moon', note: 'Key quote', tags: ['unaoc', 'speech'] });
    const doc = toAnnotationCollection([samplePage()], [annotation], nameOf);
    expect(doc).toMatchObject({
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      type: 'AnnotationCollection',
      total: 1,
      contextLens: { version: 1, pages: [samplePage()] },
    });
    expect(doc.first.items[0]).toEqual({
      id: annotation.id,
      type: 'Annotation',
      motivation: 'commenting',
      created: annotation.created,
      modified: annotation.modified,
      body: [
        { type: 'TextualBody', purpose: 'commenting', format: 'text/plain', value: 'Key quote' },
        { type: 'TextualBody', purpose: 'tagging', value: 'unaoc' },
        { type: 'TextualBody', purpose: 'tagging', value: 'speech' },
        {
          type: 'TextualBody',
          purpose: 'identifying',
          id: 'urn:x-context-lens:entity:ban-ki-moon',
          value: 'Ban Ki-moon',
        },
      ],
      target: { source: PAGE_URL, selector: annotation.target.selector },
    });
  });

  test('leaves out the body of a bare highlight and names an unknown entity by its id', () => {
    const bare = toAnnotationCollection(
      [],
      [sampleAnnotation({ note: '', tags: [], motivation: 'highlighting' })],
      nameOf,
    );
    expect(bare.first.items[0]).not.toHaveProperty('body');
    const unknown = toAnnotationCollection(
      [],
      [sampleAnnotation({ note: '', tags: [], entityId: 'gone-entity' })],
      nameOf,
    );
    expect(unknown.first.items[0]!.body).toEqual([
      {
        type: 'TextualBody',
        purpose: 'identifying',
        id: 'urn:x-context-lens:entity:gone-entity',
        value: 'gone-entity',
      },
    ]);
  });

  test('keeps the library page apart only when it differs from the target source', () => {
    const a = sampleAnnotation({ target: { ...sampleAnnotation().target, source: `${PAGE_URL}?page=2` } });
    expect(toAnnotationCollection([], [a], nameOf).first.items[0]!.contextLens).toEqual({ pageUrl: PAGE_URL });
  });

  test('writes a JSON file', () => {
    expect(JSON.parse(toJsonLd([samplePage()], [sampleAnnotation()], nameOf)).type).toBe('AnnotationCollection');
  });
});

describe('Markdown export', () => {
  test('groups by page with quotes as blockquotes, notes, tags and entity names', () => {
    const md = toMarkdown(
      [samplePage()],
      [
        sampleAnnotation({
          exact: 'second',
          note: 'Later',
          target: {
            source: PAGE_URL,
            selector: [
              { type: 'TextQuoteSelector', exact: 'second', prefix: '', suffix: '' },
              { type: 'TextPositionSelector', start: 500, end: 506 },
            ],
          },
        }),
        sampleAnnotation({ entityId: 'ban-ki-moon' }),
      ],
      nameOf,
    );
    expect(md).toContain(`## [Ban hails work of Alliance of Civilizations](${PAGE_URL})`);
    expect(md).toContain('> Alliance of Civilizations');
    expect(md).toContain('Tags: unaoc · Entity: Ban Ki-moon');
    expect(md.indexOf('Alliance of Civilizations\n')).toBeLessThan(md.indexOf('> second'));
  });

  test('escapes user text so it renders as text, never as markup or HTML', () => {
    const md = toMarkdown(
      [samplePage({ title: '[x](javascript:alert(1))' })],
      [
        sampleAnnotation({
          note: '<script>alert(1)</script>\n# not a heading\n1. not a list\n    not code',
          exact: '*not bold*',
        }),
      ],
      nameOf,
    );
    expect(md).not.toMatch(/[^\\]<script>/);
    expect(md).toContain('\\<script\\>alert\\(1\\)\\</script\\>');
    expect(md).toContain('\\# not a heading');
    expect(md).toContain('1\\. not a list');
    expect(md).toContain('\nnot code');
    expect(md).toContain('> \\*not bold\\*');
    expect(md).toContain('## [\\[x\\]\\(javascript:alert\\(1\\)\\)]');
  });

  test('keeps line breaks of multi-line quotes inside the blockquote', () => {
    const md = toMarkdown([], [sampleAnnotation({ exact: 'one\ntwo\u0000three' })], nameOf);
    expect(md).toContain('> one\\\n> two\\\n> three\n');
  });
});

describe('CSV export', () => {
  test('has the documented columns and one row per annotation', () => {
    const rows = parseCsv(
      toCsv([samplePage()], [sampleAnnotation({ entityId: 'ban-ki-moon', tags: ['a', 'b'] })], nameOf),
    );
    expect(rows[0]).toEqual([...CSV_COLUMNS]);
    expect(rows[1]).toEqual([
      PAGE_URL,
      'Ban hails work of Alliance of Civilizations',
      'Alliance of Civilizations',
      'work of the ',
      ' in fostering',
      '100',
      '125',
      'A first note',
      'a; b',
      'ban-ki-moon',
      'Ban Ki-moon',
      '2024-05-01T10:00:00.000Z',
      '2024-05-01T10:00:00.000Z',
    ]);
  });

  test('quotes hostile text per RFC 4180 and reads back the same', () => {
    const safe = HOSTILE.filter((s) => !/^[=+\-@\t\r]/.test(s));
    const rows = parseCsv(
      toCsv(
        [],
        safe.map((note) => sampleAnnotation({ note })),
        nameOf,
      ),
    );
    expect(rows.slice(1).map((r) => r[7])).toEqual(safe.map((s) => s.replaceAll('\0', '\n')));
  });

  test.each(['=1+1', '+1', '-1', '@SUM(A1)', '\tx', '\rx', '=HYPERLINK("http://evil.example","click")'])(
    'defuses a cell a spreadsheet would run: %j',
    (note) => {
      const rows = parseCsv(toCsv([], [sampleAnnotation({ note })], nameOf));
      expect(rows[1]![7]).toBe(`'${note}`);
    },
  );
});
