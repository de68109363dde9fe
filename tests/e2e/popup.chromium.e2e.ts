/**
 * Issue 6 in the popup: cross-language fuzzy search with keyboard navigation and the entity
 * view; bad queries; "show on page" with next/previous; a language change reaching every open
 * surface without a reload.
 */
import { describe, expect, test } from 'vitest';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { setStoredSetting, tabIdOf } from '../support/chromium';
import { inUi } from '../support/ui-frame';
import { useExtensionSuite } from '../support/extension-suite';
import { SEED_PAGES, REPO_ROOT } from '../support/static-server';
import { readHighlights, rectOfText } from '../support/page-highlights';

const SHOTS = join(REPO_ROOT, 'artifacts/e2e');
mkdirSync(SHOTS, { recursive: true });

describe('the popup in Chromium', () => {
  const suite = useExtensionSuite();

  async function openPopup(tabId?: number): Promise<Page> {
    const popup = await suite.browser.context.newPage();
    await popup.setViewportSize({ width: 400, height: 600 });
    await popup.goto(`chrome-extension://${suite.browser.extensionId}/popup.html${tabId ? `?tab=${tabId}` : ''}`);
    await popup.getByTestId('search-input').waitFor();
    return popup;
  }

  test.each(['Пан Ги Мун', '潘基文', 'بان كي مون', 'ban ki moon', 'Bam Ki-mun'])(
    '"%s" finds Ban Ki-moon first',
    async (query) => {
      const popup = await openPopup();
      await popup.getByTestId('search-input').fill(query);
      const first = popup.locator('[data-testid="search-results"] [role="option"]').first();
      await expect.poll(() => first.getAttribute('data-entity'), { timeout: 10_000 }).toBe('ban-ki-moon');
      await popup.close();
    },
  );

  test('results are reached with the keyboard and open in the card view', async () => {
    const popup = await openPopup();
    const input = popup.getByTestId('search-input');
    await input.fill('alliance civilizations');
    await popup.getByTestId('search-results').waitFor();
    await popup.screenshot({ path: join(SHOTS, 'popup-search.png') });
    await input.press('ArrowDown');
    const second = popup.locator('[role="option"]').nth(1);
    expect(await second.getAttribute('aria-selected')).toBe('true');
    expect(await input.getAttribute('aria-activedescendant')).toBe('result-1');
    const id = await second.getAttribute('data-entity');
    await input.press('Enter');
    const card = popup.getByTestId('entity-card');
    await card.waitFor();
    expect(await card.getAttribute('data-entity')).toBe(id);
    // The card keeps clear of the popup's right edge (it touched it).
    const box = (await card.boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(400 - 8);
    await popup.screenshot({ path: join(SHOTS, 'popup-entity.png') });
    await popup.getByTestId('popup-back').click();
    expect(await popup.getByTestId('search-input').inputValue()).toBe('alliance civilizations');
    await popup.close();
  });

  test('bad queries give results or a friendly "nothing found", never a freeze', async () => {
    const popup = await openPopup();
    const input = popup.getByTestId('search-input');
    for (const query of ['?!…—«»', 'x'.repeat(1000), 'United 联合国 الأمم Наций', '   ']) {
      await input.fill(query);
      const state = () =>
        popup.evaluate(() => ({
          results: document.querySelectorAll('[role="option"]').length,
          nothing: !!document.querySelector('[data-testid="search-nothing"]'),
        }));
      // The first query also loads the search data (twice as large since the dataset doubled): wait for an answer.
      if (query.trim() === '') expect(await state()).toEqual({ results: 0, nothing: false });
      else
        await expect
          .poll(async () => {
            const s = await state();
            return s.results > 0 || s.nothing;
          })
          .toBe(true);
    }
    await input.fill('?!…—«»');
    await popup.getByTestId('search-nothing').waitFor();
    await input.fill('United 联合国 الأمم Наций');
    await expect.poll(() => popup.locator('[role="option"]').count()).toBeGreaterThan(0);
    await popup.close();
  });

  test('a name in the page list scrolls to its mentions and flashes them, with next and previous', async () => {
    const page = await suite.browser.context.newPage();
    await page.goto(suite.server.url(SEED_PAGES[0]!));
    await expect.poll(async () => (await readHighlights(page)).length, { timeout: 15_000 }).toBeGreaterThan(5);
    const tabId = await tabIdOf(suite.browser.context, page);
    const popup = await openPopup(tabId);
    // Every row's step buttons keep their own height, also on rows whose name runs to two lines.
    const heights = await popup
      .locator('[data-testid="mention-previous"]')
      .evaluateAll((bs) => bs.map((b) => b.getBoundingClientRect().height));
    expect(Math.max(...heights)).toBeLessThan(30);
    await popup.screenshot({ path: join(SHOTS, 'popup-page-list.png'), fullPage: true });
    const row = popup.locator('[data-testid="page-entities"] li[data-entity="ban-ki-moon"]');
    await row.locator('button.name').click();
    const flashed = async () =>
      (await readHighlights(page)).filter((h) => h.name === 'context-lens-flash').map((h) => h.text);
    await expect.poll(flashed).toHaveLength(1);
    expect(await row.locator('.count').textContent()).toMatch(/^1 of \d+$/);
    await row.getByTestId('mention-next').click();
    await expect.poll(() => row.locator('.count').textContent()).toMatch(/^2 of \d+$/);
    await row.getByTestId('mention-previous').click();
    await expect.poll(() => row.locator('.count').textContent()).toMatch(/^1 of \d+$/);
    await popup.close();
    await page.close();
  });

  test('the page status follows the page live: site off, highlighting off, and back on', async () => {
    const page = await suite.browser.context.newPage();
    await page.goto(suite.server.url(SEED_PAGES[0]!));
    await expect.poll(async () => (await readHighlights(page)).length, { timeout: 15_000 }).toBeGreaterThan(5);
    const tabId = await tabIdOf(suite.browser.context, page);
    const popup = await openPopup(tabId);
    const status = popup.getByTestId('page-status');
    const mentionsShown = async () => Number(((await status.textContent()) ?? '').match(/(\d+) mention/)?.[1] ?? -1);
    await expect.poll(mentionsShown, { timeout: 10_000 }).toBeGreaterThan(5);
    try {
      await popup.getByTestId('toggle-site').uncheck();
      await expect.poll(() => status.getAttribute('data-state'), { timeout: 10_000 }).toBe('off');
      await expect.poll(() => popup.getByTestId('page-entities').count()).toBe(0);
      await popup.getByTestId('toggle-site').check();
      await expect.poll(mentionsShown, { timeout: 15_000 }).toBeGreaterThan(5);
      await popup.getByTestId('toggle-highlighting').uncheck();
      await expect.poll(() => status.getAttribute('data-state'), { timeout: 10_000 }).toBe('off');
      await popup.getByTestId('toggle-highlighting').check();
      await expect.poll(() => status.getAttribute('data-state'), { timeout: 15_000 }).toBe('active');
      await expect.poll(mentionsShown, { timeout: 15_000 }).toBeGreaterThan(5);
      await expect.poll(() => popup.locator('[data-testid="page-entities"] li').count()).toBeGreaterThan(3);
    } finally {
      // Whatever happened, the next tests start with highlighting on everywhere.
      await setStoredSetting(suite.browser.context, 'settings.siteRules', null);
      await setStoredSetting(suite.browser.context, 'settings.highlighting', null);
    }
    await popup.close();
    await page.close();
  });

  test("the toolbar button shows the page's count, and a grey icon where highlighting is off", async () => {
    const worker = suite.browser.context.serviceWorkers()[0]!;
    // Record what the background draws on the button (the API cannot read it back): for an icon,
    // its tab and whether it is the grey one.
    await worker.evaluate(() => {
      const g = globalThis as unknown as { chrome: typeof import('wxt/browser').browser; drawn: unknown[] };
      g.drawn = [];
      const action = g.chrome.action;
      const setIcon = action.setIcon.bind(action);
      const setBadgeText = action.setBadgeText.bind(action);
      action.setIcon = ((d: { tabId: number; path: Record<number, string> }) => {
        const look = Object.values(d.path).every((p) => p.includes('/off-')) ? 'grey' : 'colour';
        g.drawn.push({ icon: { tabId: d.tabId, look } });
        return setIcon(d as never);
      }) as typeof action.setIcon;
      action.setBadgeText = ((d: unknown) => (
        g.drawn.push({ badge: d }),
        setBadgeText(d as never)
      )) as typeof action.setBadgeText;
    });
    const drawn = () => worker.evaluate(() => JSON.stringify((globalThis as unknown as { drawn: unknown[] }).drawn));
    const clearDrawn = () => worker.evaluate(() => void ((globalThis as unknown as { drawn: unknown[] }).drawn = []));
    const page = await suite.browser.context.newPage();
    await page.goto(suite.server.url(SEED_PAGES[0]!));
    await expect.poll(async () => (await readHighlights(page)).length, { timeout: 15_000 }).toBeGreaterThan(5);
    const tabId = await tabIdOf(suite.browser.context, page);
    await expect.poll(drawn, { timeout: 10_000 }).toMatch(new RegExp(`"badge":\\{"tabId":${tabId},"text":"\\d+"\\}`));
    const colour = `"icon":{"tabId":${tabId},"look":"colour"}`;
    const grey = `"icon":{"tabId":${tabId},"look":"grey"}`;
    // The manifest's icon is the coloured one: nothing is drawn (drawing one costs the background
    // more than its scan of the page).
    expect(await drawn()).not.toContain('"icon"');
    const popup = await openPopup(tabId);
    try {
      await popup.getByTestId('toggle-site').uncheck();
      await expect.poll(drawn, { timeout: 10_000 }).toContain(grey);
      await expect.poll(drawn, { timeout: 10_000 }).toContain(`"badge":{"tabId":${tabId},"text":""}`);
      // A reload puts the manifest's icon back (the URL stays): the page, loaded where
      // highlighting is off, turns it grey again.
      await clearDrawn();
      await page.reload();
      await expect.poll(drawn, { timeout: 10_000 }).toContain(grey);
      expect(await drawn()).not.toContain(colour);
      await clearDrawn();
      await popup.getByTestId('toggle-site').check();
      await expect.poll(drawn, { timeout: 10_000 }).toContain(colour);
      await expect.poll(drawn, { timeout: 10_000 }).toMatch(new RegExp(`"badge":\\{"tabId":${tabId},"text":"\\d+"\\}`));
    } finally {
      await setStoredSetting(suite.browser.context, 'settings.siteRules', null);
    }
    await popup.close();
    await page.close();
  });

  test('a language change reaches the library page and open cards without a reload', async () => {
    const page = await suite.browser.context.newPage();
    await page.goto(suite.server.url(SEED_PAGES[0]!));
    await expect.poll(async () => (await readHighlights(page)).length, { timeout: 15_000 }).toBeGreaterThan(5);
    const r = await rectOfText(page, 'Ban Ki-moon');
    await page.mouse.move(r.x + r.width / 2, r.y + r.height / 2);
    await (await inUi(page, 'card-pin')).click();
    const library = await suite.browser.context.newPage();
    await library.goto(`chrome-extension://${suite.browser.extensionId}/library.html`);
    await library.getByTestId('library').waitFor();
    const popup = await openPopup();
    await popup.locator('[data-testid="ui-language"]').selectOption('ar');
    try {
      await expect.poll(() => library.evaluate(() => document.documentElement.dir)).toBe('rtl');
      expect(await library.locator('h1').textContent()).not.toBe('Context Lens library');
      await expect.poll(() => popup.evaluate(() => document.documentElement.dir)).toBe('rtl');
      // The pinned card in the open tab: its interface speaks Arabic now; its content follows
      // the page (English) by default, and the UI language once the reader asks for that.
      const card = await inUi(page, 'entity-card');
      await expect.poll(() => card.getAttribute('dir')).toBe('rtl');
      expect(await card.locator('.name bdi').first().textContent()).toBe('Ban Ki-moon');
      await popup.locator('[data-testid="content-language"]').selectOption('auto');
      await expect.poll(() => card.locator('.name bdi').first().textContent()).toBe('بان كي مون');
      await popup.screenshot({ path: join(SHOTS, 'popup-arabic-live.png') });
    } finally {
      await setStoredSetting(suite.browser.context, 'settings.uiLanguage', null);
      await setStoredSetting(suite.browser.context, 'settings.contentLanguage', null);
    }
    await popup.close();
    await library.close();
    await page.close();
  });
});
