import { describe, expect, test } from 'vitest';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { setStoredSetting, tabIdOf } from '../support/chromium';
import { countInUi, inUi } from '../support/ui-frame';
import { caughtUp } from '../support/caught-up';
import { useExtensionSuite } from '../support/extension-suite';
import { SEED_PAGES, REPO_ROOT } from '../support/static-server';
import { readHighlights, rectOfText } from '../support/page-highlights';
import { UN_NEWS_2012, UNAOC_2012, type ExpectedMention } from '../fixtures/seed-expectations';

const SHOTS = join(REPO_ROOT, 'artifacts/e2e');

mkdirSync(SHOTS, { recursive: true });

describe('highlighting and hover in Chromium', () => {
  const suite = useExtensionSuite();

  async function openSeed(path: string): Promise<Page> {
    const page = await suite.browser.context.newPage();
    await page.goto(suite.server.url(path));
    await expect.poll(async () => (await readHighlights(page)).length, { timeout: 15_000 }).toBeGreaterThan(5);
    return page;
  }

  async function pageEntityIds(page: Page): Promise<string[]> {
    const tabId = await tabIdOf(suite.browser.context, page);
    const popup = await suite.browser.context.newPage();
    await popup.goto(`chrome-extension://${suite.browser.extensionId}/popup.html?tab=${tabId}`);
    await popup.getByTestId('page-entities').waitFor({ timeout: 10_000 });
    const ids = await popup.$$eval('[data-testid="page-entities"] li', (lis) =>
      lis.map((li) => li.getAttribute('data-entity') ?? ''),
    );
    await popup.close();
    return ids;
  }

  async function expectSeed(path: string, expected: ExpectedMention[], shot: string) {
    const page = await openSeed(path);
    const seen = await readHighlights(page);
    // A form counts when a highlight of its kind is exactly it, or holds it as whole words
    // ("Sahel" in "Sahel region").
    const holds = (text: string, form: string) =>
      text === form || new RegExp(`(^|\\P{L})${form.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(\\P{L}|$)`, 'u').test(text);
    const missing = expected.filter(
      (e) => !seen.some((h) => h.name === `context-lens-${e.kind}` && holds(h.text.replace(/\s+/g, ' '), e.text)),
    );
    expect(missing.map((m) => `${m.text} (${m.kind})`)).toEqual([]);
    const ids = await pageEntityIds(page);
    expect(expected.map((e) => e.id).filter((id) => !ids.includes(id))).toEqual([]);
    await page.bringToFront();
    await page.screenshot({ path: join(SHOTS, shot), fullPage: true });
    await page.close();
  }

  test('highlights every entity of the UN News seed article with the right kind', async () => {
    await expectSeed(SEED_PAGES[0]!, UN_NEWS_2012, 'highlight-un-news.png');
  });

  test('highlights every entity of the UNAOC seed article with the right kind', async () => {
    await expectSeed(SEED_PAGES[1]!, UNAOC_2012, 'highlight-unaoc.png');
  });

  test('hovering "Ban Ki-moon" shows its card with the summary', async () => {
    const page = await openSeed(SEED_PAGES[0]!);
    const r = await rectOfText(page, 'Ban Ki-moon');
    await page.mouse.move(r.x + r.width / 2, r.y + r.height / 2);
    const card = await inUi(page, 'entity-card');
    expect(await card.getAttribute('data-entity')).toBe('ban-ki-moon');
    expect((await (await inUi(page, 'card-summary')).textContent())?.length).toBeGreaterThan(40);
    await page.screenshot({ path: join(SHOTS, 'hover-ban-ki-moon.png') });

    // WCAG 1.4.13: moving into the card keeps it; Esc dismisses it. The pointer crosses the gap
    // between the name and the card (off the name: the card's 350 ms grace starts), then rests
    // in the card; past the grace, the card is still there.
    const box = (await card.boundingBox())!;
    expect(box.y).toBeGreaterThan(r.y + r.height);
    await page.mouse.move(r.x + r.width / 2, (r.y + r.height + box.y) / 2);
    await page.mouse.move(box.x + 20, box.y + 20, { steps: 4 });
    await caughtUp(page);
    expect(await card.isVisible()).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => countInUi(page, 'entity-card')).toBe(0);
    await page.close();
  });

  test('a related name opens as a step with Back; Pin, × and Save stay in view while the card scrolls', async () => {
    const page = await openSeed(SEED_PAGES[0]!);
    const r = await rectOfText(page, 'Ban Ki-moon');
    await page.mouse.move(r.x + r.width / 2, r.y + r.height / 2);
    const card = await inUi(page, 'entity-card');
    expect(await card.getAttribute('data-entity')).toBe('ban-ki-moon');
    await (await inUi(page, 'card-pin')).click(); // pinned: the card stays while we work in it

    // The card scrolls (its content is taller than it); at the top Save is already in view, and
    // at the bottom Pin and × still are.
    const inside = async (testId: string) => {
      const [c, b] = [await card.boundingBox(), await (await inUi(page, testId)).boundingBox()];
      return b!.y >= c!.y - 1 && b!.y + b!.height <= c!.y + c!.height + 1;
    };
    await card.locator('details.names summary').click(); // the names in six languages: taller still
    expect(await card.evaluate((el) => el.scrollHeight > el.clientHeight)).toBe(true);
    expect(await inside('card-save')).toBe(true);
    await card.evaluate((el) => el.scrollTo(0, el.scrollHeight));
    expect(await inside('card-close')).toBe(true);
    expect(await inside('card-pin')).toBe(true);
    await card.evaluate((el) => el.scrollTo(0, 0));

    // A related name: the card shows it as a step, with Back and no "Not this one" or Save.
    const related = card.locator('.related button').first();
    const relatedName = await related.textContent();
    await related.click();
    await expect.poll(() => card.getAttribute('data-entity')).not.toBe('ban-ki-moon');
    expect(await card.locator('.name bdi').first().textContent()).toBe(relatedName);
    expect(await countInUi(page, 'card-back')).toBe(1);
    expect(await countInUi(page, 'card-not-this')).toBe(0);
    expect(await countInUi(page, 'card-save')).toBe(0);
    await page.screenshot({ path: join(SHOTS, 'card-related-step.png') });
    await (await inUi(page, 'card-back')).click();
    await expect.poll(() => card.getAttribute('data-entity')).toBe('ban-ki-moon');
    expect(await countInUi(page, 'card-back')).toBe(0);
    expect(await countInUi(page, 'card-save')).toBe(1);
    await page.keyboard.press('Escape');
    await page.close();
  });

  test('a name can be dismissed from its card (this page), stays so on reload, and comes back from the settings', async () => {
    const page = await openSeed(SEED_PAGES[0]!);
    const texts = async () => (await readHighlights(page)).map((h) => h.text);
    expect(await texts()).toContain('Ban Ki-moon');
    const r = await rectOfText(page, 'Ban Ki-moon');
    await page.mouse.move(r.x + r.width / 2, r.y + r.height / 2);
    const card = await inUi(page, 'entity-card');
    await card.locator('[data-testid="card-dismiss"] summary').click();
    await (await inUi(page, 'card-dismiss-page')).click();
    await expect.poll(texts, { timeout: 10_000 }).not.toContain('Ban Ki-moon');
    expect(await texts()).toContain('Mr. Ban'); // another text of the same entity stays
    await page.reload();
    await expect.poll(async () => (await readHighlights(page)).length, { timeout: 15_000 }).toBeGreaterThan(5);
    expect(await texts()).not.toContain('Ban Ki-moon');

    const library = await suite.browser.context.newPage();
    await library.goto(`chrome-extension://${suite.browser.extensionId}/library.html`);
    const row = library.getByTestId('dismissal');
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.textContent()).toContain('ban ki-moon');
    await library.getByTestId('dismissal-undo').click();
    await expect.poll(() => row.count()).toBe(0);
    await expect.poll(texts, { timeout: 10_000 }).toContain('Ban Ki-moon'); // the open page follows
    await library.close();
    await page.close();
  });

  test('with Arabic as the content language the card reads right to left', async () => {
    await setStoredSetting(suite.browser.context, 'settings.contentLanguage', 'ar');
    try {
      const page = await openSeed(SEED_PAGES[0]!);
      const r = await rectOfText(page, 'Ban Ki-moon');
      await page.mouse.move(r.x + r.width / 2, r.y + r.height / 2);
      const card = await inUi(page, 'entity-card');
      const content = card.locator('.content');
      expect(await content.getAttribute('dir')).toBe('rtl');
      expect(await content.getAttribute('lang')).toBe('ar');
      expect(await card.locator('.name bdi').first().textContent()).toBe('بان كي مون');
      await page.screenshot({ path: join(SHOTS, 'hover-arabic.png') });
      await page.close();
    } finally {
      await setStoredSetting(suite.browser.context, 'settings.contentLanguage', null);
    }
  });

  test('a title naming no holder is the office: its card lists the holders, the current one "as of" its review', async () => {
    const page = await suite.browser.context.newPage();
    await page.goto(suite.server.url('/pages/office.html'));
    await expect
      .poll(async () => (await readHighlights(page)).map((h) => `${h.name}:${h.text}`), { timeout: 15_000 })
      .toContain('context-lens-office:Secretary-General');
    const r = await rectOfText(page, 'Secretary-General');
    await page.mouse.move(r.x + r.width / 2, r.y + r.height / 2);
    expect(await (await inUi(page, 'entity-card')).getAttribute('data-entity')).toBe('un-secretary-general');
    const holders = await inUi(page, 'card-holders');
    await expect.poll(() => holders.textContent()).toMatch(/António Guterres.*present · as of .*Ban Ki-moon/);
    await page.screenshot({ path: join(SHOTS, 'hover-office.png') });
    await page.close();
  });

  test('never touches the text: innerText is identical with highlights', async () => {
    const plain = await suite.browser.context.newPage();
    // Same page, served under a path the content script also runs on, compared before the scan.
    await plain.goto(suite.server.url(SEED_PAGES[0]!));
    const before = await plain.evaluate(() => document.body.innerHTML.length);
    await expect.poll(async () => (await readHighlights(plain)).length, { timeout: 15_000 }).toBeGreaterThan(5);
    expect(await plain.evaluate(() => document.body.innerHTML.length)).toBe(before);
    await plain.close();
  });
});
