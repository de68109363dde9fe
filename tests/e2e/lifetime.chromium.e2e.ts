/**
 * When the extension is reloaded or disabled, the content script already in a page must leave
 * nothing behind: no highlight, no card host, no style sheet in the page's shadow roots, and no
 * listener of ours on the page (DevTools lists every listener with the script that added it).
 * A part that bypassed the script's lifetime (entrypoints/content/lifetime.ts) fails here.
 */
import { describe, expect, test } from 'vitest';
import type { CDPSession, Page } from 'playwright-core';
import { pageStatus } from '../support/chromium';
import { useExtensionSuite } from '../support/extension-suite';
import { mountPages } from '../support/static-server';
import { readHighlights, rectOfText } from '../support/page-highlights';

/** Names in the document and in an open shadow root (which gets our style sheet). */
const PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Lifetime</title></head><body>
<p>Secretary-General Ban Ki-moon spoke to the Alliance of Civilizations in Madrid.</p>
<div id="host"></div>
<script>
  const root = document.getElementById('host').attachShadow({ mode: 'open' });
  root.innerHTML = '<p>UNICEF and the World Health Organization met in Geneva.</p>';
</script></body></html>`;

interface Leftovers {
  highlights: number;
  hosts: number;
  shadowSheets: number;
  listeners: string[];
}

/** What of ours is in the page: highlights, UI hosts, sheets in the shadow root, listeners by type. */
async function leftovers(page: Page, cdp: CDPSession, ourScripts: Set<string>): Promise<Leftovers> {
  const inPage = await page.evaluate(() => ({
    highlights: [...CSS.highlights.keys()].length,
    // Our UI hosts are custom elements with a random x-name (ui-frame-host.ts); the page has none.
    hosts: [...document.querySelectorAll('*')].filter((el) => /^X-[A-Z]{8}$/.test(el.tagName)).length,
    shadowSheets: document.getElementById('host')!.shadowRoot!.adoptedStyleSheets.length,
  }));
  const listeners: string[] = [];
  for (const expression of ['window', 'document', "document.getElementById('host').shadowRoot"]) {
    const { result } = await cdp.send('Runtime.evaluate', { expression });
    const { listeners: all } = await cdp.send('DOMDebugger.getEventListeners', {
      objectId: result.objectId!,
      depth: -1,
      pierce: true,
    });
    for (const l of all) if (ourScripts.has(l.scriptId)) listeners.push(`${expression}: ${l.type}`);
  }
  return { ...inPage, listeners };
}

/** Opens the page with the extension at work: scanned, a card shown, the pointer and keys listened to. */
async function openWorkingPage(suite: ReturnType<typeof useExtensionSuite>) {
  const page = await suite.browser.context.newPage();
  const cdp = await suite.browser.context.newCDPSession(page);
  const ourScripts = new Set<string>();
  cdp.on('Debugger.scriptParsed', ({ scriptId, url }) => {
    if (url.startsWith(`chrome-extension://${suite.browser.extensionId}/`)) ourScripts.add(scriptId);
  });
  await cdp.send('Debugger.enable');
  await page.goto(suite.server.url('/lifetime/page.html'));
  await expect
    .poll(async () => (await pageStatus(suite.browser.context, page))?.scanned, { timeout: 10_000 })
    .toBe(true);
  await expect.poll(async () => (await readHighlights(page)).map((h) => h.text)).toContain('UNICEF');
  const ban = await rectOfText(page, 'Ban Ki-moon');
  await page.mouse.move(ban.x + ban.width / 2, ban.y + ban.height / 2);
  await expect.poll(async () => (await leftovers(page, cdp, ourScripts)).hosts, { timeout: 5_000 }).toBe(1);
  const working = await leftovers(page, cdp, ourScripts);
  // The baseline this test compares with: the extension is visibly at work in this page.
  expect(working.highlights).toBeGreaterThan(0);
  // Chrome: the page's shadow roots are never touched; their text inherits the colours.
  expect(working.shadowSheets).toBe(0);
  expect(working.listeners).toEqual(expect.arrayContaining(['document: pointermove', 'document: keydown']));
  return { page, cdp, ourScripts };
}

const mounts = () => mountPages('/lifetime/', { 'page.html': PAGE });

// One browser each: after a reload or a disable, the browser's list of service workers still
// holds the old one, which the helpers talk to.
describe('a reload of the extension, in Chromium', () => {
  const suite = useExtensionSuite({ mounts });

  test('a reload of the extension leaves nothing of the old script in an open page', async () => {
    const { page, cdp, ourScripts } = await openWorkingPage(suite);
    const worker = suite.browser.context.serviceWorkers()[0]!;
    await worker
      .evaluate(() => (globalThis as unknown as { chrome: { runtime: { reload(): void } } }).chrome.runtime.reload())
      .catch(() => undefined); // the worker goes away while answering
    await expect
      .poll(() => leftovers(page, cdp, ourScripts), { timeout: 15_000 })
      .toEqual({ highlights: 0, hosts: 0, shadowSheets: 0, listeners: [] });

    // Not checked here: the reloaded extension in later pages. A runtime.reload() of an extension
    // loaded with --load-extension does not come back in this headless Chromium (no service
    // worker, no content script afterwards), whatever the extension does.
    await cdp.detach();
    await page.close();
  });
});

describe('disabling the extension, in Chromium', () => {
  const suite = useExtensionSuite({ mounts });

  test('disabling the extension leaves nothing in an open page', async () => {
    const { page, cdp, ourScripts } = await openWorkingPage(suite);
    const settings = await suite.browser.context.newPage();
    await settings.goto('chrome://extensions/');
    const id = suite.browser.extensionId;
    const setEnabled = (enabled: boolean) =>
      settings.evaluate(
        ([extension, on]) =>
          (
            globalThis as unknown as { chrome: { management: { setEnabled(id: string, on: boolean): Promise<void> } } }
          ).chrome.management.setEnabled(extension as string, on as boolean),
        [id, enabled] as const,
      );
    await setEnabled(false);
    await expect
      .poll(() => leftovers(page, cdp, ourScripts), { timeout: 15_000 })
      .toEqual({ highlights: 0, hosts: 0, shadowSheets: 0, listeners: [] });
    await settings.close();
    await cdp.detach();
    await page.close();
  });
});
