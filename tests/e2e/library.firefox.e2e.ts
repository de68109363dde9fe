/**
 * The library page in real Firefox (the build that ships): a note the reader saves on a page is
 * listed there and exported as a file; its pack import runs two module workers that read the
 * file and write IndexedDB, which only a real browser shows to work. WebDriver loads the library
 * itself (`extensionPages`, tests/support/firefox.ts).
 */
import { afterAll, describe, expect, test } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { evaluate, saveScreenshot } from '../support/firefox';
import { useFirefoxSuite } from '../support/firefox-suite';
import { findInUi } from '../support/firefox-ui';
import { endsOfText } from '../support/selection';
import { SEED_PAGES, REPO_ROOT } from '../support/static-server';

const SHOTS = join(REPO_ROOT, 'artifacts/e2e');
const QUOTE = 'Harmony Through Diversity';
const NOTE = 'Title of the consultations — بالعربية أيضا';
const TAG = 'event';

interface Exported {
  first: {
    items: {
      body: { purpose: string; value: string }[];
      target: { source: string; selector: { type: string; exact?: string }[] };
    }[];
  };
}

describe('the library page in Firefox', () => {
  const downloads = mkdtempSync(join(tmpdir(), 'context-lens-downloads-'));
  const suite = useFirefoxSuite({ launch: () => ({ extensionPages: true, downloadDir: downloads }) });
  afterAll(() => rmSync(downloads, { recursive: true, force: true }));

  const highlighted = `(() => {
    const out = [];
    for (const [, highlight] of CSS.highlights) for (const r of highlight) {
      const live = document.createRange();
      live.setStart(r.startContainer, r.startOffset);
      live.setEnd(r.endContainer, r.endOffset);
      out.push(live.toString());
    }
    return out;
  })()`;

  test('imports a pack: both module workers, IndexedDB and the matcher rebuild work, and pages highlight its names', async () => {
    const { page } = suite.firefox;
    await page.goto(suite.server.url(SEED_PAGES[1]!));
    await expect
      .poll(() => evaluate<string[]>(page, highlighted), { timeout: 10_000, interval: 250 })
      .toContain('UNAOC');
    expect(await evaluate<string[]>(page, highlighted)).not.toContain('Vladimir Fofanov');
    await suite.firefox.openExtensionPage('/library.html');
    const pack = JSON.stringify({
      format: 'context-lens-pack',
      version: 1,
      id: 'newsroom',
      name: 'Newsroom names',
      entities: [
        {
          id: 'vladimir-fofanov',
          kind: 'person',
          names: { en: { name: 'Vladimir Fofanov', summary: 'A photographer whose pictures illustrate the post.' } },
          sources: ['https://example.org/newsroom'],
        },
      ],
    });
    try {
      await expect
        .poll(() => page.evaluate(() => !!document.querySelector('[data-testid="pack-file"]')), { timeout: 10_000 })
        .toBe(true);
      await evaluate(
        page,
        `(() => {
        const input = document.querySelector('[data-testid="pack-file"]');
        const files = new DataTransfer();
        files.items.add(new File([${JSON.stringify(pack)}], 'minimal.json', { type: 'application/json' }));
        input.files = files.files;
        input.dispatchEvent(new Event('change', { bubbles: true }));
        return true;
      })()`,
      );
      const outcome = () =>
        evaluate<string>(
          page,
          `document.querySelector('[data-testid="pack-installed"], [data-testid="pack-problems"], [role="alert"]')?.getAttribute('data-testid') ?? ''`,
        );
      await expect.poll(outcome, { timeout: 30_000, interval: 250 }).toBe('pack-installed');
      const timings = JSON.parse(
        (await page.evaluate(() =>
          document.querySelector('[data-testid="pack-installed"]')!.getAttribute('data-timings'),
        ))!,
      ) as { matcherBytes: number };
      expect(timings.matcherBytes).toBeGreaterThan(0);
      expect(await page.evaluate(() => document.querySelectorAll('[data-testid="pack"]').length)).toBe(1);
    } finally {
      await saveScreenshot(page, join(SHOTS, 'firefox-pack-import.png'));
    }
    // The content script fetches the pack matcher from the background (Firefox's ports, storage events).
    await page.goto(suite.server.url(SEED_PAGES[1]!));
    await expect
      .poll(() => evaluate<string[]>(page, highlighted), { timeout: 15_000, interval: 250 })
      .toContain('Vladimir Fofanov');
    await saveScreenshot(page, join(SHOTS, 'firefox-pack-highlight.png'));
  }, 60_000);

  test('a note the reader saves on a page is listed in the library, and exported as JSON-LD', async () => {
    const firefox = suite.firefox;
    const { page } = firefox;
    const url = suite.server.url(SEED_PAGES[1]!);
    await page.goto(url);
    await expect
      .poll(() => evaluate<string[]>(page, highlighted), { timeout: 10_000, interval: 250 })
      .toContain('UNAOC');
    // The reader selects the passage with the mouse and writes a note in the toolbar.
    const ends = (await page.evaluate(endsOfText, QUOTE))!;
    await page.mouse.move(ends.from.x, ends.from.y);
    await page.mouse.down();
    await page.mouse.move(ends.to.x, ends.to.y);
    await page.mouse.up();
    expect(await page.evaluate(() => document.getSelection()!.toString())).toBe(QUOTE);
    for (const [testId, text] of [
      ['toolbar-note', null],
      ['toolbar-note-text', NOTE],
      ['toolbar-tags', TAG],
      ['toolbar-save', null],
    ] as const) {
      const at = await findInUi(firefox, testId);
      await page.mouse.click(at.x, at.y);
      if (text) await page.keyboard.type(text);
    }
    const message = await findInUi(firefox, 'toolbar-message');
    await expect
      .poll(() => message.frame.evaluate(() => document.querySelector('[data-testid="toolbar-message"]')!.textContent))
      .toBe('Saved');

    const library = await firefox.openTab();
    try {
      await firefox.openExtensionPage('/library.html', library);
      const listed = () =>
        evaluate<{ page: string; quote: string; note: string; text: string }[]>(
          library,
          `[...document.querySelectorAll('[data-testid="annotation"]')].map((a) => ({
            page: a.closest('[data-testid="saved-page"]')?.dataset.url ?? '',
            quote: a.querySelector('blockquote').textContent,
            note: a.querySelector('[data-testid="annotation-note"]')?.textContent ?? '',
            text: a.textContent,
          }))`,
        );
      await expect.poll(listed, { timeout: 10_000, interval: 100 }).toHaveLength(1);
      const [shown] = await listed();
      expect(shown).toMatchObject({ page: url, quote: QUOTE, note: NOTE });
      expect(shown!.text).toContain(TAG);
      // The saved page's names, by name once the library has looked them up.
      await expect
        .poll(() => library.evaluate(() => [...document.querySelectorAll('.chip')].map((c) => c.textContent)))
        .toContain('United Nations Alliance of Civilizations 13');
      await saveScreenshot(library, join(SHOTS, 'firefox-library-note.png'));

      // Export: Firefox saves the file the page hands it (a blob URL) to the download folder.
      await library.locator('[data-testid="export-jsonld"]').setTimeout(10_000).click();
      // Firefox writes to a .part file and puts an empty file under the final name meanwhile:
      // the download is done when only the .jsonld is left, whole.
      const exported = () => {
        const files = readdirSync(downloads);
        const [file, ...others] = files.filter((f) => f.endsWith('.jsonld'));
        if (!file || others.length || files.some((f) => f.endsWith('.part'))) return null;
        try {
          return JSON.parse(readFileSync(join(downloads, file), 'utf8')) as Exported;
        } catch {
          return null;
        }
      };
      await expect.poll(exported, { timeout: 10_000, interval: 100 }).not.toBeNull();
      const doc = exported()!;
      expect(doc.first.items).toHaveLength(1);
      const [item] = doc.first.items;
      expect(item!.body).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ purpose: 'commenting', value: NOTE }),
          expect.objectContaining({ purpose: 'tagging', value: TAG }),
        ]),
      );
      expect(item!.target.source).toBe(url);
      expect(item!.target.selector).toContainEqual(
        expect.objectContaining({ type: 'TextQuoteSelector', exact: QUOTE }),
      );
    } finally {
      await library.close();
    }
  });
});
