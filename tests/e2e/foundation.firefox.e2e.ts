import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIREFOX_BUILD, launchFirefoxWithExtension, type FirefoxWithExtension } from '../support/firefox';
import { startStaticServer, SEED_PAGES, REPO_ROOT, type StaticServer } from '../support/static-server';

const SHOTS = join(REPO_ROOT, 'artifacts/e2e');

describe('the extension in Firefox', () => {
  let server: StaticServer;
  let firefox: FirefoxWithExtension;
  beforeAll(async () => {
    server = await startStaticServer();
    firefox = await launchFirefoxWithExtension({ extensionPath: FIREFOX_BUILD });
  });
  afterAll(async () => {
    await firefox?.close();
    await server?.close();
  });

  test('installs as a temporary add-on under its gecko id', () => {
    const manifest = JSON.parse(readFileSync(join(FIREFOX_BUILD, 'manifest.json'), 'utf8'));
    expect(manifest.browser_specific_settings.gecko.id).toBe('context-lens@example.org');
    expect(firefox.addonId).toBe(manifest.browser_specific_settings.gecko.id);
  });

  test('runs its content script on a seed page (highlights registered)', async () => {
    await firefox.navigate(server.url(SEED_PAGES[0]!));
    try {
      // The page itself loaded: a failure below is about the extension, not the harness.
      expect(await firefox.evaluate<string>('document.title')).not.toBe('');
      await expect
        .poll(() => firefox.evaluate<number>('CSS.highlights.size'), { timeout: 10_000, interval: 250 })
        .toBeGreaterThan(0);
    } finally {
      await firefox.screenshot(join(SHOTS, 'firefox-seed.png'));
    }
  });
});
