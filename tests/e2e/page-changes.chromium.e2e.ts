import { describe, expect, test } from 'vitest';
import { setStoredSetting } from '../support/chromium';
import { useExtensionSuite } from '../support/extension-suite';
import { SEED_PAGES } from '../support/static-server';
import { readHighlights } from '../support/page-highlights';

describe('following the page in Chromium', () => {
  const suite = useExtensionSuite();
  const setSetting = (key: string, value: unknown) => setStoredSetting(suite.browser.context, key, value);

  test('highlights text inserted after load, and resolves "Mr. Ban" in it', async () => {
    const page = await suite.browser.context.newPage();
    await page.goto(suite.server.url('/pages/dynamic.html'));
    await expect
      .poll(async () => (await readHighlights(page)).map((h) => h.text), { timeout: 10_000 })
      .toEqual(expect.arrayContaining(['Mr. Ban', 'UNICEF', 'Ban Ki-moon']));
    await page.close();
  });

  test('never touches inputs, textareas, editable areas, code or translate=no', async () => {
    const page = await suite.browser.context.newPage();
    await page.goto(suite.server.url('/pages/dynamic.html'));
    await expect.poll(async () => (await readHighlights(page)).length, { timeout: 10_000 }).toBeGreaterThan(2);
    const inside = await page.evaluate(() => {
      const guarded = ['field', 'area', 'editable', 'code', 'notranslate'].map((id) => document.getElementById(id)!);
      const hits: string[] = [];
      for (const [, h] of CSS.highlights) {
        for (const r of h as unknown as Iterable<AbstractRange>) {
          const el = r.startContainer.parentElement;
          if (guarded.some((g) => g.contains(el))) hits.push(r.startContainer.textContent ?? '');
        }
      }
      return hits;
    });
    expect(inside).toEqual([]);
    await page.close();
  });

  test('a page that rewrites itself on every mutation does not loop with us', async () => {
    const page = await suite.browser.context.newPage();
    await page.goto(suite.server.url('/pages/dynamic.html'));
    await page.waitForTimeout(2000);
    // The page's own observer writes once per external change; we add no DOM changes of our own.
    expect(await page.evaluate(() => (window as unknown as { tickerWrites: number }).tickerWrites)).toBeLessThanOrEqual(3);
    await page.close();
  });

  test('turning highlighting off restores the page exactly, and on brings it back', async () => {
    const page = await suite.browser.context.newPage();
    await page.goto(suite.server.url(SEED_PAGES[0]!));
    await expect.poll(async () => (await readHighlights(page)).length, { timeout: 10_000 }).toBeGreaterThan(5);
    const html = await page.evaluate(() => document.documentElement.outerHTML);
    await setSetting('settings.highlighting', false);
    await expect.poll(() => page.evaluate(() => CSS.highlights.size)).toBe(0);
    expect(await page.evaluate(() => document.documentElement.outerHTML)).toBe(html);
    await setSetting('settings.highlighting', null);
    await expect.poll(async () => (await readHighlights(page)).length, { timeout: 10_000 }).toBeGreaterThan(5);
    await page.close();
  });

  test('a per-site rule turns this site off', async () => {
    await setSetting('settings.siteRules', { '127.0.0.1': { enabled: false } });
    const page = await suite.browser.context.newPage();
    await page.goto(suite.server.url(SEED_PAGES[0]!));
    await page.waitForTimeout(1500);
    expect(await page.evaluate(() => CSS.highlights.size)).toBe(0);
    await setSetting('settings.siteRules', null);
    await page.close();
  });
});
