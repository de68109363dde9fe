/**
 * The popup in real Firefox (the build that ships), opened as a page in a tab of its own for the
 * tab it describes (`popup.html?tab=ID`), as the Chromium tests do; WebDriver may load extension
 * pages with `extensionPages` (tests/support/firefox.ts). What it shows and what the reader does
 * there (typing, Enter, a click) go through Firefox's own pages, ports and input.
 */
import { afterEach, describe, expect, test } from 'vitest';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { evaluate, saveScreenshot } from '../support/firefox';
import { useFirefoxSuite } from '../support/firefox-suite';
import { highlightedTexts } from '../support/sabotage-probes';
import { REPO_ROOT, SEED_PAGES } from '../support/static-server';
import { UN_NEWS_2012 } from '../fixtures/seed-expectations';

const SHOTS = join(REPO_ROOT, 'artifacts/e2e');

/**
 * Runs in an extension page: the id of the tab whose content script reports `url` (the
 * extension has no "tabs" permission, so tabs.query hides URLs; the page itself says where it is).
 */
const TAB_SHOWING = `(async (url) => {
  for (const tab of await browser.tabs.query({})) {
    const status = await browser.tabs.sendMessage(tab.id, { type: 'page:status', payload: {} }, { frameId: 0 }).catch(() => null);
    if (status && status.url === url) return tab.id;
  }
  return null;
})`;

describe('the popup in Firefox', () => {
  const suite = useFirefoxSuite({ launch: () => ({ extensionPages: true }) });
  let popup: Page | null = null;
  afterEach(async () => {
    await popup?.close();
    popup = null;
  });

  /** Opens a seed page in the test's tab and the popup for it in a tab of its own. */
  async function openPopupFor(path: string): Promise<Page> {
    const firefox = suite.firefox;
    const url = suite.server.url(path);
    await firefox.page.goto(url);
    await expect
      .poll(() => firefox.page.evaluate(highlightedTexts), { timeout: 10_000, interval: 250 })
      .toContain('Ban Ki-moon');
    popup = await firefox.openTab({ width: 400, height: 600 });
    await firefox.openExtensionPage('/popup.html', popup);
    const tabId = await evaluate<number | null>(popup, `${TAB_SHOWING}(${JSON.stringify(url)})`);
    expect(tabId).not.toBeNull();
    await firefox.openExtensionPage(`/popup.html?tab=${tabId}`, popup);
    return popup;
  }

  test("lists the page's names by kind, and a name shows its first mention on the page", async () => {
    const firefox = suite.firefox;
    const tab = await openPopupFor(SEED_PAGES[0]!);
    const listed = () =>
      evaluate<string[]>(
        tab,
        `[...document.querySelectorAll('[data-testid="page-entities"] li')].map((li) => li.dataset.entity)`,
      );
    await expect
      .poll(listed, { timeout: 10_000, interval: 100 })
      .toEqual(expect.arrayContaining([...new Set(UN_NEWS_2012.map((m) => m.id))]));
    expect(
      await evaluate<string>(
        tab,
        `document.querySelector('[data-testid="page-status"]').dataset.state + ': ' + document.querySelector('[data-testid="page-status"]').textContent`,
      ),
    ).toMatch(/^active: Active on this page\d+ mentions found$/);
    expect(
      await evaluate<string>(
        tab,
        `document.querySelector('[data-testid="page-entities"] li[data-entity="ban-ki-moon"] button.name').textContent`,
      ),
    ).toBe('Ban Ki-moon');
    await saveScreenshot(tab, join(SHOTS, 'firefox-popup-page-list.png'));

    // The reader clicks the name: the page flashes its first mention.
    await tab
      .locator('[data-testid="page-entities"] li[data-entity="ban-ki-moon"] button.name')
      .setTimeout(10_000)
      .click();
    await expect
      .poll(
        () =>
          evaluate<string[]>(
            firefox.page,
            `[...(CSS.highlights.get('context-lens-flash') ?? [])].map((r) => r.startContainer.data.slice(r.startOffset, r.endOffset))`,
          ),
        { timeout: 5_000, interval: 100 },
      )
      .toHaveLength(1);
    expect(
      await evaluate<string>(
        tab,
        `document.querySelector('[data-testid="page-entities"] li[data-entity="ban-ki-moon"] .count').textContent`,
      ),
    ).toMatch(/^1 of \d+$/);
  });

  test('searches the whole dataset as the reader types "Пан Ги Мун", and Enter opens Ban Ki-moon\'s card', async () => {
    const tab = await openPopupFor(SEED_PAGES[0]!);
    await tab.locator('[data-testid="search-input"]').setTimeout(10_000).click();
    await tab.keyboard.type('Пан Ги Мун');
    const first = () =>
      evaluate<{ entity: string; text: string } | null>(
        tab,
        `(() => { const o = document.querySelector('[data-testid="search-results"] [role="option"]'); return o && { entity: o.dataset.entity, text: o.textContent }; })()`,
      );
    await expect.poll(first, { timeout: 10_000, interval: 100 }).toMatchObject({ entity: 'ban-ki-moon' });
    expect((await first())!.text).toContain('Ban Ki-moon');
    await saveScreenshot(tab, join(SHOTS, 'firefox-popup-search.png'));

    await tab.keyboard.press('Enter');
    const card = () =>
      evaluate<{ entity: string; name: string; summary: string } | null>(
        tab,
        `(() => { const c = document.querySelector('[data-testid="popup-entity"] [data-testid="entity-card"]'); return c && { entity: c.dataset.entity, name: c.querySelector('.name bdi').textContent, summary: c.querySelector('[data-testid="card-summary"]').textContent }; })()`,
      );
    await expect
      .poll(card, { timeout: 10_000, interval: 100 })
      .toMatchObject({ entity: 'ban-ki-moon', name: 'Ban Ki-moon' });
    expect((await card())!.summary).toContain('Secretary-General of the United Nations');
    await saveScreenshot(tab, join(SHOTS, 'firefox-popup-entity.png'));
  });
  test("the toolbar button shows the page's count, and turns grey where the reader switches the site off", async () => {
    const tab = await openPopupFor(SEED_PAGES[0]!);
    const tabId = await evaluate<number>(tab, `Number(new URLSearchParams(location.search).get('tab'))`);
    const action = `(browser.action ?? browser.browserAction)`;
    const badge = () => evaluate<string>(tab, `${action}.getBadgeText({ tabId: ${tabId} })`);
    // The document the background last drew this tab grey for (kept in session storage, so a
    // stopped background still knows it), or null.
    const greyFor = () =>
      evaluate<string | null>(
        tab,
        `browser.storage.session.get('toolbar.greyTabs').then((s) => (s['toolbar.greyTabs'] ?? {})[${tabId}] ?? null)`,
      );
    await expect.poll(badge, { timeout: 10_000, interval: 100 }).toMatch(/^\d+$/);
    expect(await greyFor()).toBeNull();
    const toggleSite = () => tab.locator('[data-testid="toggle-site"]').setTimeout(10_000).click();
    await toggleSite();
    try {
      await expect.poll(greyFor, { timeout: 10_000, interval: 100 }).not.toBeNull();
      await expect.poll(badge, { timeout: 10_000, interval: 100 }).toBe('');
      // A reload is a new document, which Firefox shows with the manifest's icon again: drawn grey again.
      const before = await greyFor();
      await suite.firefox.page.reload();
      await expect.poll(greyFor, { timeout: 10_000, interval: 100 }).not.toBe(before);
      expect(await greyFor()).not.toBeNull();
    } finally {
      await toggleSite();
    }
    await expect.poll(greyFor, { timeout: 10_000, interval: 100 }).toBeNull();
    await expect.poll(badge, { timeout: 10_000, interval: 100 }).toMatch(/^\d+$/);
  });
});
