import { describe, expect, test } from 'vitest';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { tabIdOf } from '../support/chromium';
import { useExtensionSuite } from '../support/extension-suite';
import { SEED_PAGES, REPO_ROOT } from '../support/static-server';

const SHOTS = join(REPO_ROOT, 'artifacts/e2e');
mkdirSync(SHOTS, { recursive: true });

describe('the extension in Chromium', () => {
  const suite = useExtensionSuite();

  test('runs its content script on a seed page and the popup reports it', async () => {
    const pageUrl = suite.server.url(SEED_PAGES[0]!);
    const page = await suite.browser.context.newPage();
    await page.goto(pageUrl);
    const tabId = await tabIdOf(suite.browser.context, page);

    const popup = await suite.browser.context.newPage();
    await popup.goto(`chrome-extension://${suite.browser.extensionId}/popup.html?tab=${tabId}`);
    const status = popup.getByTestId('page-status');
    await expect.poll(() => status.getAttribute('data-state'), { timeout: 10_000 }).toBe('active');
    expect(await status.textContent()).toMatch(/\d+ mentions found/);
    await popup.screenshot({ path: join(SHOTS, 'popup-on-seed.png') });
    await page.bringToFront();
    await page.screenshot({ path: join(SHOTS, 'seed-un-news.png') });
  });

  test('the popup says so when the tab has no content script', async () => {
    const popup = await suite.browser.context.newPage();
    await popup.goto(`chrome-extension://${suite.browser.extensionId}/popup.html?tab=999999`);
    const status = popup.getByTestId('page-status');
    await expect.poll(() => status.getAttribute('data-state')).toBe('none');
  });

  test('the library page renders', async () => {
    const page = await suite.browser.context.newPage();
    await page.goto(`chrome-extension://${suite.browser.extensionId}/library.html`);
    await expect.poll(() => page.getByTestId('library').isVisible()).toBe(true);
  });
});
