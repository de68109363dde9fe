import { describe, expect, test } from 'vitest';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pageStatus, setStoredSetting, tabIdOf } from '../support/chromium';
import { useExtensionSuite } from '../support/extension-suite';
import { SEED_PAGES, REPO_ROOT } from '../support/static-server';
import { LANGS } from '../../lib/dataset/basics';

const SHOTS = join(REPO_ROOT, 'artifacts/e2e/locales');

mkdirSync(SHOTS, { recursive: true });

describe('the popup in six UI languages (Chromium)', () => {
  const suite = useExtensionSuite();

  test.each(LANGS)('renders in %s, right to left only in Arabic', async (lang) => {
    await setStoredSetting(suite.browser.context, 'settings.uiLanguage', lang);
    const page = await suite.browser.context.newPage();
    await page.goto(suite.server.url(SEED_PAGES[0]!));
    // The popup describes the page as its content script reports it: once it has been read.
    await expect
      .poll(async () => (await pageStatus(suite.browser.context, page))?.scanned, { timeout: 15_000 })
      .toBe(true);
    const tabId = await tabIdOf(suite.browser.context, page);
    const popup = await suite.browser.context.newPage();
    await popup.setViewportSize({ width: 380, height: 600 });
    await popup.goto(`chrome-extension://${suite.browser.extensionId}/popup.html?tab=${tabId}`);
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
