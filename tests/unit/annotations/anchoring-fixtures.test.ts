// @vitest-environment happy-dom
/**
 * Anchoring baselines (after hypothesis/client's saved HTML + annotation JSON): each page in
 * tests/fixtures/anchoring is reduced to text as the content script reads it, and each saved
 * annotation must anchor where its fixture says, with the method it says, or be an orphan (null).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Window } from 'happy-dom';
import { describe, expect, test } from 'vitest';
import { anchor } from '../../../lib/annotations/anchor';
import { annotationSchema, type Annotation } from '../../../lib/annotations/model';
import { htmlToText } from './html-text';

const DIR = join(import.meta.dirname, '../../fixtures/anchoring');
const read = (name: string) => readFileSync(join(DIR, name), 'utf8');

interface Expected {
  method: 'position' | 'quote' | 'fuzzy';
  start: number;
  end: number;
  text: string;
}
interface Fixture {
  page: string;
  /** Why this fixture exists, when its name does not say. */
  note?: string;
  /** For a page built by script: the text the content script reads once the script ran. */
  text?: string;
  annotations?: unknown[];
  /** Annotations made on another version of the page. */
  annotationsOf?: string;
  expect: Record<string, Expected | null>;
}

const fixtures = readdirSync(DIR)
  .filter((name) => name.endsWith('.annotations.json'))
  .map((name) => ({ name, fixture: JSON.parse(read(name)) as Fixture }));

function annotationsOf(fixture: Fixture): Annotation[] {
  const raw = fixture.annotations ?? (JSON.parse(read(fixture.annotationsOf!)) as Fixture).annotations!;
  return raw.map((a) => annotationSchema.parse(a));
}

describe('anchoring baselines', () => {
  test('cover saved pages, an edited page, a page built by script, every method and orphans', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(4);
    const all = fixtures.flatMap(({ fixture }) => Object.values(fixture.expect));
    for (const method of ['position', 'quote', 'fuzzy']) expect(all.some((e) => e?.method === method)).toBe(true);
    expect(all.filter((e) => e === null).length).toBeGreaterThanOrEqual(3);
  });

  describe.each(fixtures)('$name', ({ fixture }) => {
    const annotations = annotationsOf(fixture);
    const textOf = async () => (fixture.text ? read(fixture.text) : htmlToText(read(fixture.page)));

    test('has an expectation for every annotation', () => {
      expect(Object.keys(fixture.expect).sort()).toEqual(annotations.map((a) => a.id).sort());
    });

    test.each(annotations.map((a) => [a.body.note, a] as const))('%s', async (_note, annotation) => {
      const text = await textOf();
      const expected = fixture.expect[annotation.id]!;
      const found = anchor(text, annotation.target.selector);
      if (expected === null) {
        expect(found).toBeNull();
        return;
      }
      expect(found).toEqual({ start: expected.start, end: expected.end, method: expected.method });
      expect(text.slice(found!.start, found!.end)).toBe(expected.text);
    });
  });
});

describe('the page built by script', () => {
  const fixture = fixtures.find(({ fixture }) => fixture.text)!.fixture;

  test('has none of its article before the script runs: every annotation is an orphan there', async () => {
    const text = await htmlToText(read(fixture.page));
    expect(text).toBe('Loading…');
    for (const annotation of annotationsOf(fixture)) expect(anchor(text, annotation.target.selector)).toBeNull();
  });

  test('stores the text its script builds, as the content script reads it', async () => {
    // Our own fixture's script, run by happy-dom, then read with the content script's functions.
    const window = new Window({
      settings: { enableJavaScriptEvaluation: true, suppressInsecureJavaScriptEnvironmentWarning: true },
    });
    try {
      window.document.write(read(fixture.page));
      await window.happyDOM.waitUntilComplete();
      const { BLOCK_BREAK, joinTextNodes } = await import('../../../reading/page-text');
      const { collectTextNodes } = await import('../../../reading/text-nodes');
      const nodes = collectTextNodes(window.document.body as unknown as Node) as Text[];
      expect(joinTextNodes(nodes).text.split(BLOCK_BREAK).join('\n')).toBe(read(fixture.text!));
    } finally {
      await window.happyDOM.close();
    }
  });
});
