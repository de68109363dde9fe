/**
 * Issue 7 in the library page: saved pages and notes listed, searched, edited, deleted with undo;
 * exported as JSON-LD and imported into a fresh profile, which then holds the same library; a
 * hostile import is refused and changes nothing.
 */
import { describe, expect, test } from 'vitest';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { launchWithExtension } from '../support/chromium';
import { inUi } from '../support/ui-frame';
import { useExtensionSuite } from '../support/extension-suite';
import { SEED_PAGES, REPO_ROOT } from '../support/static-server';
import { readHighlights } from '../support/page-highlights';
import { selectText } from '../support/selection';

const SHOTS = join(REPO_ROOT, 'artifacts/e2e');
const OUT = join(REPO_ROOT, 'artifacts/e2e/library');
mkdirSync(OUT, { recursive: true });

interface Exported {
  first: { items: { id: string; body: unknown; target: unknown; created: string; modified: string }[] };
}

/** The annotations of an export, sorted, without what varies between exports (the export time). */
function annotationsOf(path: string) {
  const doc = JSON.parse(readFileSync(path, 'utf8')) as Exported;
  return [...doc.first.items].sort((a, b) => a.id.localeCompare(b.id));
}

async function exportJsonLd(library: Page, name: string): Promise<string> {
  const [download] = await Promise.all([
    library.waitForEvent('download'),
    library.getByTestId('export-jsonld').click(),
  ]);
  const path = join(OUT, name);
  await download.saveAs(path);
  return path;
}

/** WCAG contrast ratio of two CSS rgb()/rgba() colours. */
function contrast(a: string, b: string): number {
  const lum = (c: string) => {
    const [r, g, bl] = (c.match(/[\d.]+/g) ?? []).slice(0, 3).map((v) => {
      const x = Number(v) / 255;
      return x <= 0.03928 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * bl!;
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

describe('the research library page in Chromium', () => {
  const suite = useExtensionSuite();
  const libraryUrl = () => `chrome-extension://${suite.browser.extensionId}/library.html`;

  async function note(path: string, text: string, body: string, tags: string): Promise<void> {
    const page = await suite.browser.context.newPage();
    await page.goto(suite.server.url(path));
    await expect.poll(async () => (await readHighlights(page)).length, { timeout: 15_000 }).toBeGreaterThan(0);
    await selectText(page, text);
    await (await inUi(page, 'toolbar-note')).click();
    await (await inUi(page, 'toolbar-note-text')).fill(body);
    await (await inUi(page, 'toolbar-tags')).fill(tags);
    await (await inUi(page, 'toolbar-save')).click();
    const message = await inUi(page, 'toolbar-message');
    await expect.poll(() => message.textContent()).toBe('Saved');
    await page.close();
  }

  test('lists, searches, edits, deletes with undo, and round-trips through JSON-LD', async () => {
    await note(SEED_PAGES[0]!, 'deep and practical consequences', 'Core argument, "quoted", with commas', 'argument');
    await note(
      SEED_PAGES[0]!,
      'the politics of division rule the day',
      'Compare with 2005 report',
      'argument, context',
    );
    await note(SEED_PAGES[1]!, 'Harmony Through Diversity', 'Title of the consultations — بالعربية أيضا', 'event');

    const library = await suite.browser.context.newPage();
    await library.goto(libraryUrl());
    await expect.poll(() => library.getByTestId('saved-page').count(), { timeout: 10_000 }).toBe(2);
    await expect.poll(() => library.getByTestId('annotation').count()).toBe(3);
    await library.screenshot({ path: join(SHOTS, 'library.png'), fullPage: true });
    // The notes are kept: the manifest's unlimitedStorage exempts them from eviction in Chrome.
    await expect.poll(() => library.getByTestId('storage-state').getAttribute('data-state')).toBe('kept');
    expect(await library.getByTestId('storage-state').textContent()).toContain('will not delete them');

    // Full-text search and a tag filter.
    await library.getByTestId('library-search').fill('بالعربية');
    await expect.poll(() => library.getByTestId('annotation').count()).toBe(1);
    await library.getByTestId('library-search').fill('');
    await library.getByTestId('filter-tag').selectOption('argument');
    await expect.poll(() => library.getByTestId('annotation').count()).toBe(2);
    await library.getByTestId('filter-tag').selectOption('');

    // Edit a note: shown as text, never as HTML.
    const first = library.getByTestId('annotation').filter({ hasText: 'Compare with 2005 report' });
    await first.getByTestId('annotation-edit').click();
    await library.getByTestId('edit-note').fill('Compare with the <b>2005</b> report');
    await library.getByTestId('edit-save').click();
    await expect
      .poll(() => library.getByTestId('annotation-note').allTextContents())
      .toContain('Compare with the <b>2005</b> report');
    expect(await library.locator('.annotation b').count()).toBe(0);

    // Delete, then undo.
    await library
      .getByTestId('annotation')
      .filter({ hasText: 'Core argument' })
      .getByTestId('annotation-delete')
      .click();
    await expect.poll(() => library.getByTestId('annotation').count()).toBe(2);
    // The Undo button is readable on its dark bar (it was white on light grey).
    const [fg, bg] = await library
      .getByTestId('undo')
      .evaluate((b) => [getComputedStyle(b).color, getComputedStyle(b).backgroundColor]);
    expect(contrast(fg, bg)).toBeGreaterThanOrEqual(4.5);
    await library.getByTestId('undo').click();
    await expect.poll(() => library.getByTestId('annotation').count()).toBe(3);

    const exported = await exportJsonLd(library, 'export-1.jsonld');
    expect(annotationsOf(exported)).toHaveLength(3);

    // A fresh profile imports it and ends up with the same library.
    const fresh = await launchWithExtension();
    try {
      const other = await fresh.context.newPage();
      await other.goto(`chrome-extension://${fresh.extensionId}/library.html`);
      await other.getByTestId('import-file').setInputFiles(exported);
      await expect.poll(() => other.getByTestId('import-report').textContent(), { timeout: 10_000 }).toMatch(/3 added/);
      await expect.poll(() => other.getByTestId('annotation').count()).toBe(3);
      const again = await exportJsonLd(other, 'export-2.jsonld');
      expect(annotationsOf(again)).toEqual(annotationsOf(exported));
      const pagesOf = (p: string) =>
        JSON.stringify((JSON.parse(readFileSync(p, 'utf8')) as { contextLens?: unknown }).contextLens);
      expect(pagesOf(again)).toEqual(pagesOf(exported));

      // Importing the same file again adds nothing.
      await other.getByTestId('import-file').setInputFiles(exported);
      await expect.poll(() => other.getByTestId('import-report').textContent()).toMatch(/0 added/);

      // A hostile file is refused with the reasons, and the library is unchanged.
      const hostile = join(OUT, 'hostile.jsonld');
      writeFileSync(
        hostile,
        JSON.stringify({
          '@context': 'http://www.w3.org/ns/anno.jsonld',
          type: 'AnnotationCollection',
          contextLens: { version: 99 },
          items: [{ id: 1 }],
        }),
      );
      await other.getByTestId('import-file').setInputFiles(hostile);
      await other.getByTestId('import-problems').waitFor();
      expect(await other.getByTestId('import-problems').textContent()).toMatch(/version/i);
      expect(await other.getByTestId('annotation').count()).toBe(3);
      await other.screenshot({ path: join(SHOTS, 'library-import-refused.png'), fullPage: true });
    } finally {
      await fresh.close();
    }
    await library.close();
  });
});

describe('the pack format page in Chromium', () => {
  const suite = useExtensionSuite();

  test('imports a Hypothesis export: its passages and notes appear, its page notes are listed as left out', async () => {
    const library = await suite.browser.context.newPage();
    await library.goto(`chrome-extension://${suite.browser.extensionId}/library.html`);
    await library
      .getByTestId('import-file')
      .setInputFiles(join(REPO_ROOT, 'tests/fixtures/annotations/hypothesis-export.json'));
    await expect.poll(() => library.getByTestId('import-report').textContent()).toMatch(/2 added/);
    expect(await library.getByTestId('import-not-anchored').textContent()).toMatch(/1/);
    await expect.poll(() => library.getByTestId('annotation').count()).toBe(2);
    expect(await library.getByTestId('annotation-note').allTextContents()).toContain('Compare with the 2005 report.');
    await library.screenshot({ path: join(SHOTS, 'library-import-hypothesis.png'), fullPage: true });
    await library.close();
  });

  test('the library links to a readable pack format, whose sample pack downloads and parses', async () => {
    const library = await suite.browser.context.newPage();
    await library.goto(`chrome-extension://${suite.browser.extensionId}/library.html`);
    const [formatPage] = await Promise.all([
      suite.browser.context.waitForEvent('page'),
      library.getByTestId('pack-format-link').click(),
    ]);
    await formatPage.waitForLoadState();
    const doc = formatPage.getByTestId('pack-format-doc');
    await expect.poll(() => doc.locator('h2').allTextContents()).toContain('Envelope');
    expect(await doc.locator('table').count()).toBeGreaterThan(0);
    await formatPage.screenshot({ path: join(SHOTS, 'pack-format.png') });
    const [download] = await Promise.all([
      formatPage.waitForEvent('download'),
      formatPage.getByTestId('download-sample-pack').click(),
    ]);
    const file = await download.path();
    const pack = JSON.parse(readFileSync(file!, 'utf8')) as { format: string; entities: unknown[] };
    expect(pack.format).toBe('context-lens-pack');
    expect(pack.entities.length).toBeGreaterThan(0);
    await formatPage.close();
    await library.close();
  });
});
