import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchWithExtension, tabIdOf, type ExtensionBrowser } from '../support/chromium';
import { startStaticServer, SEED_PAGES, REPO_ROOT, type StaticServer } from '../support/static-server';
import { LANGS } from '../../lib/dataset/schema';

const SHOTS = join(REPO_ROOT, 'artifacts/e2e/locales');

describe('the popup in six UI languages (Chromium)', () => {
  let server: StaticServer;
  let browser: ExtensionBrowser;
  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    server = await startStaticServer();
    browser = await launchWithExtension();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  test.each(LANGS)('renders in %s, right to left only in Arabic', async (lang) => {
    const worker = browser.context.serviceWorkers()[0]!;
    await worker.evaluate(async (l) => {
      const api = (globalThis as unknown as { chrome: { storage: { local: { set(o: object): Promise<void> } } } }).chrome;
      await api.storage.local.set({ 'settings.uiLanguage': l });
    }, lang);
    const page = await browser.context.newPage();
    await page.goto(server.url(SEED_PAGES[0]!));
    await page.waitForTimeout(800);
    const tabId = await tabIdOf(browser.context, page);
    const popup = await browser.context.newPage();
    await popup.setViewportSize({ width: 380, height: 600 });
    await popup.goto(`chrome-extension://${browser.extensionId}/popup.html?tab=${tabId}`);
    await popup.getByTestId('page-entities').waitFor({ timeout: 10_000 });
    const strings = JSON.parse(readFileSync(join(REPO_ROOT, `locales/${lang}.json`), 'utf8'));
    expect(await popup.evaluate(() => document.documentElement.lang)).toBe(lang);
    expect(await popup.evaluate(() => document.documentElement.dir)).toBe(lang === 'ar' ? 'rtl' : 'ltr');
    expect(await popup.getByTestId('page-status').textContent()).toContain(strings.popup.statusActive);
    await popup.screenshot({ path: join(SHOTS, `popup-${lang}.png`) });
    await popup.close();
    await page.close();
  });
});
