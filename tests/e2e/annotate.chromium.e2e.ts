/**
 * Issue 7 in the page: select text → toolbar → note; reload → the note is back in place; a card
 * saves its mention; a page built after load gets its notes once it is built.
 */
import { describe, expect, test } from 'vitest';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { dumpLibrary, sendToTab, tabIdOf } from '../support/chromium';
import { countInUi, inUi } from '../support/ui-frame';
import { useExtensionSuite } from '../support/extension-suite';
import { SEED_PAGES, REPO_ROOT } from '../support/static-server';
import { readHighlights, rectOfText } from '../support/page-highlights';
import { selectText } from '../support/selection';

const SHOTS = join(REPO_ROOT, 'artifacts/e2e');
mkdirSync(SHOTS, { recursive: true });

const PHRASE = 'deep and practical consequences';

describe('annotating pages in Chromium', () => {
  const suite = useExtensionSuite();

  async function openScanned(path: string): Promise<Page> {
    const page = await suite.browser.context.newPage();
    await page.goto(suite.server.url(path));
    await expect.poll(async () => (await readHighlights(page)).length, { timeout: 15_000 }).toBeGreaterThan(0);
    return page;
  }

  const highlightTexts = async (page: Page, name: string) =>
    (await readHighlights(page)).filter((h) => h.name === name).map((h) => h.text);

  test('select text, add a note with tags, reload: the note is back in place', async () => {
    const page = await openScanned(SEED_PAGES[0]!);
    await selectText(page, PHRASE);
    await inUi(page, 'selection-toolbar');
    await (await inUi(page, 'toolbar-note')).click();
    await (await inUi(page, 'toolbar-note-text')).fill('Core argument <script>alert(1)</script>');
    await (await inUi(page, 'toolbar-tags')).fill('argument, chapter 2');
    // While focus is in the form the page's selection would grey out: it is dropped, and the
    // passage stays marked in our own highlight.
    expect(await highlightTexts(page, 'context-lens-pending')).toEqual([PHRASE]);
    await expect.poll(() => page.evaluate(() => document.getSelection()?.isCollapsed ?? true)).toBe(true);
    await page.screenshot({ path: join(SHOTS, 'annotate-toolbar.png') });
    const save = await inUi(page, 'toolbar-save');
    await save.click();
    const message = await inUi(page, 'toolbar-message');
    await expect.poll(() => message.textContent()).toBe('Saved');
    // Saved is final: the button says so and cannot save twice, until the form closes.
    expect(await save.isDisabled()).toBe(true);
    expect(await save.textContent()).toBe('Saved');
    await expect.poll(() => highlightTexts(page, 'context-lens-noted')).toEqual([PHRASE]);

    await page.reload();
    await expect.poll(() => highlightTexts(page, 'context-lens-noted'), { timeout: 15_000 }).toEqual([PHRASE]);
    // Resting on the highlight shows the note, as text.
    const r = await rectOfText(page, PHRASE);
    await page.mouse.move(r.x + r.width / 2, r.y + r.height / 2);
    const bubble = await inUi(page, 'note-bubble');
    await expect
      .poll(() => bubble.textContent(), { timeout: 5_000 })
      .toContain('Core argument <script>alert(1)</script>');
    expect(await bubble.locator('script').count()).toBe(0);
    await page.screenshot({ path: join(SHOTS, 'annotate-reloaded.png') });
    await page.mouse.move(5, 5);
    await expect.poll(() => countInUi(page, 'note-bubble')).toBe(0);

    const tabId = await tabIdOf(suite.browser.context, page);
    const popup = await suite.browser.context.newPage();
    await popup.goto(`chrome-extension://${suite.browser.extensionId}/popup.html?tab=${tabId}`);
    await expect.poll(() => popup.getByTestId('notes-placed').textContent()).toMatch(/^1 saved note/);
    // The page's notes are listed; Show scrolls the page to the passage and flashes it.
    const listed = popup.getByTestId('page-note');
    expect(await listed.count()).toBe(1);
    expect(await listed.textContent()).toContain(PHRASE);
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await listed.getByTestId('page-note-show').click();
    await expect.poll(() => highlightTexts(page, 'context-lens-flash')).toEqual([PHRASE]);
    await popup.close();
    await page.close();
  });

  test('a note is edited and deleted from its bubble on the page; the library follows', async () => {
    const page = await openScanned(SEED_PAGES[1]!);
    const passage = 'a great deal of ignorance'; // plain text: no name under it, so no card over the bubble
    await selectText(page, passage);
    await (await inUi(page, 'toolbar-note')).click();
    await (await inUi(page, 'toolbar-note-text')).fill('First thought');
    await (await inUi(page, 'toolbar-save')).click();
    await expect.poll(() => highlightTexts(page, 'context-lens-noted')).toContain(passage);
    await page.mouse.move(5, 5);
    await expect.poll(() => countInUi(page, 'selection-toolbar')).toBe(0);
    await page.evaluate(() => document.getSelection()?.removeAllRanges());

    const hoverNote = async () => {
      const r = await rectOfText(page, passage);
      await page.mouse.move(r.x + r.width / 2, r.y + r.height / 2);
      return inUi(page, 'note-bubble');
    };
    await hoverNote();
    await (await inUi(page, 'note-edit')).click(); // the pointer crosses the gap to the bubble: it stays
    const text = await inUi(page, 'note-edit-text');
    await text.fill('Second thought, edited on the page');
    await (await inUi(page, 'note-edit-tags')).fill('edited');
    await page.mouse.move(5, 5); // leaving the passage while typing keeps the bubble
    await (await inUi(page, 'note-edit-save')).click();
    await expect
      .poll(async () => (await inUi(page, 'note-bubble-text')).textContent())
      .toBe('Second thought, edited on the page');
    await expect.poll(() => dumpLibrary(suite.browser.context)).toContain('Second thought, edited on the page');
    expect(await dumpLibrary(suite.browser.context)).not.toContain('First thought');

    await page.keyboard.press('Escape');
    await page.mouse.move(5, 5);
    await expect.poll(() => countInUi(page, 'note-bubble')).toBe(0);
    await hoverNote();
    await (await inUi(page, 'note-delete')).click();
    await (await inUi(page, 'note-delete-confirm')).click();
    await expect.poll(() => highlightTexts(page, 'context-lens-noted')).not.toContain(passage);
    await expect.poll(() => dumpLibrary(suite.browser.context)).not.toContain('Second thought');
    await page.close();
  });

  test('a note saved in one tab appears in another open on the same page, and leaves it when deleted', async () => {
    const OTHER_TABS_PASSAGE = 'terrible bloodshed and conflict'; // no note of the other tests on it
    const writer = await openScanned(SEED_PAGES[0]!);
    const reader = await openScanned(SEED_PAGES[0]!);
    await writer.bringToFront();
    await selectText(writer, OTHER_TABS_PASSAGE);
    await (await inUi(writer, 'toolbar-note')).click();
    await (await inUi(writer, 'toolbar-note-text')).fill('Seen from the other tab');
    await (await inUi(writer, 'toolbar-save')).click();
    // The reader tab was not reloaded: only the library's change signal can bring the note there.
    await expect
      .poll(() => highlightTexts(reader, 'context-lens-noted'), { timeout: 10_000 })
      .toContain(OTHER_TABS_PASSAGE);
    await expect.poll(() => highlightTexts(writer, 'context-lens-noted')).toContain(OTHER_TABS_PASSAGE);
    await writer.mouse.move(5, 5);
    await expect.poll(() => countInUi(writer, 'selection-toolbar')).toBe(0);
    await writer.evaluate(() => document.getSelection()?.removeAllRanges());
    // The writer tab re-reads its notes on the same signal: rest the pointer again until the bubble shows.
    await expect
      .poll(
        async () => {
          const r = await rectOfText(writer, OTHER_TABS_PASSAGE);
          await writer.mouse.move(5, 5);
          await writer.mouse.move(r.x + r.width / 2, r.y + r.height / 2);
          await writer.waitForTimeout(300);
          return countInUi(writer, 'note-bubble');
        },
        { timeout: 10_000 },
      )
      .toBe(1);
    await (await inUi(writer, 'note-delete')).click();
    await (await inUi(writer, 'note-delete-confirm')).click();
    await expect
      .poll(() => highlightTexts(reader, 'context-lens-noted'), { timeout: 10_000 })
      .not.toContain(OTHER_TABS_PASSAGE);
    await writer.close();
    await reader.close();
  });

  test('the keyboard commands put focus in our frame: typing goes to the note, Esc closes the card', async () => {
    const page = await openScanned(SEED_PAGES[0]!);
    await page.evaluate(() => {
      (window as unknown as { keys: string[] }).keys = [];
      addEventListener('keydown', (e) => (window as unknown as { keys: string[] }).keys.push(e.key), true);
    });
    await selectText(page, 'the politics of division');
    // Alt+Shift+S: the note form, with focus in the note.
    expect(await sendToTab(suite.browser.context, page, { type: 'selection:annotate', payload: {} })).toEqual({
      ok: true,
    });
    const field = await inUi(page, 'toolbar-note-text');
    await expect
      .poll(() => field.evaluate((el) => el === document.activeElement && document.hasFocus()), { timeout: 5_000 })
      .toBe(true);
    await page.keyboard.type('typed from the keyboard');
    expect(await field.inputValue()).toBe('typed from the keyboard');
    expect(await page.evaluate(() => (window as unknown as { keys: string[] }).keys)).toEqual([]);
    await page.keyboard.press('Escape');
    await expect.poll(() => countInUi(page, 'toolbar-note-text')).toBe(0);

    // Alt+Shift+J (next-mention): the next name's card, with focus on its first button; Esc closes it.
    expect(
      await sendToTab(suite.browser.context, page, { type: 'mention:step', payload: { direction: 'next' } }),
    ).toEqual({ ok: true });
    const card = await inUi(page, 'entity-card');
    await expect
      .poll(() => card.evaluate((el) => el.contains(document.activeElement) && document.hasFocus()), { timeout: 5_000 })
      .toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => countInUi(page, 'entity-card')).toBe(0);
    await page.close();
  });

  test('the card saves its mention to the library', async () => {
    const page = await openScanned(SEED_PAGES[0]!);
    const r = await rectOfText(page, 'Jorge Sampaio');
    await page.mouse.move(r.x + r.width / 2, r.y + r.height / 2);
    await inUi(page, 'entity-card');
    const save = await inUi(page, 'card-save');
    await save.click();
    await expect.poll(() => save.textContent()).toBe('Saved to library');
    await expect.poll(() => highlightTexts(page, 'context-lens-saved')).toContain('Jorge Sampaio');
    await page.close();
  });

  test('a note on a page built by JavaScript after load is placed once the page is built', async () => {
    const path = '/pages/late-article.html';
    const page = await suite.browser.context.newPage();
    await page.goto(suite.server.url(path));
    await page.getByText('media literacy').waitFor({ timeout: 10_000 });
    await selectText(page, 'media literacy helps young people');
    await (await inUi(page, 'toolbar-highlight')).click();
    const message = await inUi(page, 'toolbar-message');
    await expect.poll(() => message.textContent()).toBe('Saved');

    await page.reload();
    // At first the story is not there: the highlight cannot be placed, and is kept, not dropped.
    await expect
      .poll(() => highlightTexts(page, 'context-lens-saved'), { timeout: 15_000 })
      .toEqual(['media literacy helps young people']);
    await page.close();
  });
});
