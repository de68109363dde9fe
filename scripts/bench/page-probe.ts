/**
 * What the page-load and pack-tab cells share: a plain Chromium like the one the extension runs
 * in (same flags, no extension), only the local server answering, and a probe in the page that
 * notes the first frame with a highlight (the highlight registry is the page's to read).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM_FLAGS, findChromium } from '../../tests/support/chromium';
import type { StaticServer } from '../../tests/support/static-server';

export async function launchPlain(): Promise<{ context: BrowserContext; close(): Promise<void> }> {
  const profile = mkdtempSync(join(tmpdir(), 'context-lens-plain-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: findChromium()!,
    headless: true,
    // As launchWithExtension: pages that read the reader's language must see the same one.
    locale: 'en-US',
    viewport: { width: 1200, height: 900 },
    args: [...CHROMIUM_FLAGS],
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Saved pages name their publishers' servers: only the local server answers. */
export async function localOnly(context: BrowserContext, server: StaticServer): Promise<void> {
  await context.route('**/*', (route) =>
    route.request().url().startsWith(server.origin) ? route.continue() : route.abort(),
  );
}

const PROBE = `(() => {
  const look = () => {
    for (const h of CSS.highlights.values()) if (h.size > 0) { window.__firstHighlight = performance.now(); return; }
    requestAnimationFrame(look);
  };
  requestAnimationFrame(look);
})();`;

/** A new tab with the probe in it. */
export async function probedPage(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  await page.addInitScript(PROBE);
  return page;
}

/** The first highlighted frame after the load event (ms; negative: before it), waiting up to `waitMs`; null if none. */
export async function firstHighlightAfterLoad(page: Page, waitMs = 0): Promise<number | null> {
  const loadedAt = await page.evaluate(
    () => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).loadEventEnd,
  );
  const deadline = Date.now() + waitMs;
  for (;;) {
    const at = await page.evaluate(() => (window as unknown as { __firstHighlight?: number }).__firstHighlight ?? null);
    if (at !== null) return at - loadedAt;
    if (Date.now() >= deadline) return null;
    await page.waitForTimeout(25);
  }
}

/** The tab's JavaScript heap after a collection (MB): its renderer's isolate, every world in it. */
export async function heapMB(context: BrowserContext, page: Page): Promise<number> {
  const cdp = await context.newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  await cdp.detach();
  return usedSize / 1048576;
}
