import { describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { useFirefoxSuite } from '../support/firefox-suite';
import { FIREFOX_BUILD, saveScreenshot } from '../support/firefox';
import { SEED_PAGES, REPO_ROOT } from '../support/static-server';

const SHOTS = join(REPO_ROOT, 'artifacts/e2e');

describe('the extension in Firefox', () => {
  const suite = useFirefoxSuite();

  test('installs as a temporary add-on under its gecko id', () => {
    const manifest = JSON.parse(readFileSync(join(FIREFOX_BUILD, 'manifest.json'), 'utf8'));
    expect(manifest.browser_specific_settings.gecko.id).toBe('context-lens@example.org');
    expect(suite.firefox.addonId).toBe(manifest.browser_specific_settings.gecko.id);
  });

  test('runs its content script on a seed page (highlights registered)', async () => {
    const { page } = suite.firefox;
    await page.goto(suite.server.url(SEED_PAGES[0]!));
    try {
      // The page itself loaded: a failure below is about the extension, not the harness.
      expect(await page.evaluate(() => document.title)).not.toBe('');
      await expect
        .poll(() => page.evaluate(() => CSS.highlights.size), { timeout: 10_000, interval: 250 })
        .toBeGreaterThan(0);
    } finally {
      await saveScreenshot(page, join(SHOTS, 'firefox-seed.png'));
    }
  });
});
