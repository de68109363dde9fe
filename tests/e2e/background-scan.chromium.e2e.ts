/**
 * The page scan runs in the background, one matcher for every tab (lib/scan/, issue 18): what
 * a page loads is small and holds no matcher, and when Chrome stops the idle service worker
 * (its document scans with it), a name added later still resolves against one read before.
 */
import { describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { CHROME_BUILD, pageStatus } from '../support/chromium';
import { useExtensionSuite } from '../support/extension-suite';
import { mountPages } from '../support/static-server';
import { readHighlights } from '../support/page-highlights';

/** A name at the top; a later paragraph goes in a block of its own, so only its text is read again. */
const PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Later</title></head><body>
<div><p>Secretary-General Ban Ki-moon opened the meeting on Monday.</p></div>
<div><p>The delegates discussed the agenda at length.</p></div>
<div id="later"></div></body></html>`;

/** A page's own lang attributes, thousands of characters long: the scan must still get through. */
const LONG_LANG = 'en-' + 'x'.repeat(5_000);
const LONG_LANG_PAGE = `<!doctype html><html lang="${LONG_LANG}"><head><meta charset="utf-8"><title>Long lang</title></head><body>
<p lang="${LONG_LANG}">UNICEF and the World Health Organization met in Geneva.</p></body></html>`;

describe('scanning in the background, in Chromium', () => {
  const suite = useExtensionSuite({
    mounts: () => mountPages('/later/', { 'later.html': PAGE, 'long-lang.html': LONG_LANG_PAGE }),
  });

  test('the content script a page loads is at most 30 KB gzip and carries no matcher and no zod', () => {
    const manifest = JSON.parse(readFileSync(join(CHROME_BUILD, 'manifest.json'), 'utf8')) as {
      content_scripts: { js: string[] }[];
      web_accessible_resources: { resources: string[] }[];
    };
    const files = manifest.content_scripts.flatMap((c) => c.js);
    expect(files).toEqual(['content-scripts/content.js']);
    const code = readFileSync(join(CHROME_BUILD, files[0]!));
    expect(gzipSync(code).length).toBeLessThanOrEqual(30 * 1024);
    const text = code.toString('utf8');
    // The engine's serialized-format check, and zod's internals (lib/checks.ts has why): neither belongs in a page.
    expect(text).not.toContain('not a Context Lens matcher file');
    expect(text).not.toContain('_zod');
    expect(manifest.web_accessible_resources.flatMap((w) => w.resources)).toEqual(['ui-frame.html']);
  });

  test('after the service worker is stopped, a name added later resolves against one read before', async () => {
    const page = await suite.browser.context.newPage();
    await page.goto(suite.server.url('/later/later.html'));
    await expect
      .poll(async () => (await pageStatus(suite.browser.context, page))?.scanned, { timeout: 10_000 })
      .toBe(true);
    const mrBan = async () => (await readHighlights(page)).filter((h) => h.text === 'Mr. Ban').length;
    const before = await mrBan();

    // Stop our service worker as Chrome does when it is idle (DevTools' ServiceWorker domain).
    const cdp = await suite.browser.context.newCDPSession(page);
    const states = new Map<string, string>();
    let ours = '';
    cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
      for (const v of versions) {
        states.set(v.versionId, v.runningStatus);
        if (v.scriptURL.startsWith(`chrome-extension://${suite.browser.extensionId}/`)) ours = v.versionId;
      }
    });
    await cdp.send('ServiceWorker.enable');
    await expect.poll(() => ours, { timeout: 5_000 }).not.toBe('');
    await cdp.send('ServiceWorker.stopWorker', { versionId: ours });
    await expect.poll(() => states.get(ours), { timeout: 10_000 }).toBe('stopped');
    await cdp.detach();

    // Only "Ban Ki-moon", read before the stop, can confirm this "Mr. Ban".
    await page.evaluate(() => {
      const p = document.createElement('p');
      p.textContent = 'Later, Mr. Ban thanked the staff.';
      document.getElementById('later')!.append(p);
    });
    await expect.poll(mrBan, { timeout: 15_000 }).toBe(before + 1);
    expect((await pageStatus(suite.browser.context, page))?.scannedWith).toBe('bundled');
    await page.close();
  });

  test('lang attributes of thousands of characters do not stop the scan', async () => {
    const page = await suite.browser.context.newPage();
    await page.goto(suite.server.url('/later/long-lang.html'));
    await expect
      .poll(async () => (await pageStatus(suite.browser.context, page))?.scanned, { timeout: 10_000 })
      .toBe(true);
    await expect
      .poll(async () => (await readHighlights(page)).map((h) => h.text), { timeout: 5_000 })
      .toEqual(expect.arrayContaining(['UNICEF', 'World Health Organization', 'Geneva']));
    await page.close();
  });
});
