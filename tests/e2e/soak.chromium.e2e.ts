/**
 * A page that rewrites itself for a minute (a ticker, a live blog, a chat): the extension
 * follows it without holding on to what the page threw away. Heap and DOM node counts are read
 * through the DevTools protocol after a forced garbage collection, at the start of the soak
 * (after a warm-up) and at its end; between the two, the page's own long-task observer must
 * record no task over 50 ms.
 */
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { pageStatus } from '../support/chromium';
import { useExtensionSuite } from '../support/extension-suite';
import { mountPages } from '../support/static-server';

/** Seconds of rewriting between the two measurements (the issue asks for a 60 s soak in CI). */
const SOAK_SECONDS = Number(process.env.SOAK_SECONDS ?? 60);
/** Seconds of rewriting before the first measurement: JIT, caches, the first rounds of following the page. */
const WARM_UP_SECONDS = 5;

const SENTENCES = [
  'The Secretary-General of the United Nations, Ban Ki-moon, addressed the General Assembly.',
  'UNICEF and the World Health Organization worked with UNHCR in Syria and Lebanon.',
  'Mr. Ban met the President of the General Assembly in Geneva.',
  'The Alliance of Civilizations met in Shanghai with UNESCO.',
];

/** 200 paragraphs replaced every 10 ms, each time with new nodes and a new number in every line. */
const TICKER = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>ticker</title></head><body>
<h1>Live: the United Nations today</h1><div id="live"></div>
<script>
  window.__long = [];
  new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__long.push({ start: e.startTime, ms: e.duration }); }).observe({ type: 'longtask' });
  const sentences = ${JSON.stringify(SENTENCES)};
  const live = document.getElementById('live');
  let tick = 0;
  function rewrite() {
    tick++;
    let html = '';
    for (let i = 0; i < 200; i++) html += '<p>' + (tick * 200 + i) + ': ' + sentences[(tick + i) % sentences.length] + '</p>';
    live.innerHTML = html;
  }
  rewrite();
  window.__ticker = setInterval(rewrite, 10);
  window.__pause = () => clearInterval(window.__ticker);
  window.__resume = () => { window.__ticker = setInterval(rewrite, 10); };
</script></body></html>`;

interface Sample {
  heap: number;
  nodes: number;
}

/**
 * Heap and node counts with the ticker paused (what is alive then is what is kept, not what a
 * rewrite has just dropped and the collector has not reached), then the ticker goes on.
 */
async function sample(page: Page): Promise<Sample> {
  await page.evaluate(() => (window as unknown as { __pause: () => void }).__pause());
  // Our re-check of the last rewrite has ended: every paragraph on the page now is highlighted
  // (each names someone), and no highlight is left on one the page threw away.
  await page.waitForFunction(() => {
    const ranges = [...CSS.highlights.values()].flatMap((h) => [...(h as unknown as Iterable<AbstractRange>)]);
    const paragraphs = [...document.querySelectorAll('#live p')];
    return (
      paragraphs.length > 0 &&
      ranges.every((r) => r.startContainer.isConnected) &&
      paragraphs.every((p) => ranges.some((r) => p.contains(r.startContainer)))
    );
  });
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('Performance.enable');
    // Twice: one collection can leave what a finalizer freed.
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('HeapProfiler.collectGarbage');
    const { metrics } = await cdp.send('Performance.getMetrics');
    const value = (name: string) => metrics.find((m) => m.name === name)?.value ?? NaN;
    return { heap: value('JSHeapUsedSize'), nodes: value('Nodes') };
  } finally {
    await cdp.detach();
    await page.evaluate(() => (window as unknown as { __resume: () => void }).__resume());
  }
}

describe('a page that rewrites itself, for a minute, in Chromium', () => {
  const suite = useExtensionSuite({
    mounts: () => mountPages('/soak/', { 'ticker.html': TICKER }),
  });

  test(
    `heap and DOM nodes stay flat over ${SOAK_SECONDS} s of rewriting every 10 ms, and the names stay highlighted`,
    async () => {
      const p = await suite.browser.context.newPage();
      const errors: string[] = [];
      p.on('pageerror', (e) => errors.push(e.message));
      await p.goto(suite.server.url('/soak/ticker.html'));
      await expect
        .poll(async () => (await pageStatus(suite.browser.context, p))?.mentions ?? 0, { timeout: 15_000 })
        .toBeGreaterThan(100);
      // A measured duration, not a wait for anything: the page rewrites itself for the warm-up.
      await p.waitForTimeout(WARM_UP_SECONDS * 1000);
      const before = await sample(p);
      // Long tasks are read between the samples: a forced collection is a long task of the test's own.
      const from = await p.evaluate(() => performance.now());
      // The soak itself: a measured duration, not a wait for anything.
      await p.waitForTimeout(SOAK_SECONDS * 1000);
      const to = await p.evaluate(() => performance.now());
      const longTasks = await p.evaluate(
        ([a, b]) =>
          (window as unknown as { __long: { start: number; ms: number }[] }).__long
            .filter((t) => t.start >= a! && t.start <= b!)
            .map((t) => Math.round(t.ms)),
        [from, to],
      );
      const after = await sample(p);
      const status = (await pageStatus(suite.browser.context, p))!;
      await p.evaluate(() => (window as unknown as { __pause: () => void }).__pause());
      console.log(
        `soak ${SOAK_SECONDS} s: heap ${(before.heap / 1e6).toFixed(1)} → ${(after.heap / 1e6).toFixed(1)} MB, ` +
          `nodes ${before.nodes} → ${after.nodes}, mentions ${status.mentions}, text nodes ${status.textNodes}, long tasks ${JSON.stringify(longTasks)}`,
      );
      expect(after.heap - before.heap).toBeLessThanOrEqual(2 * 1024 * 1024);
      expect(after.nodes).toBeLessThanOrEqual(1.5 * before.nodes);
      // Still following the page: its 200 paragraphs are read and their names drawn.
      expect(status.mentions).toBeGreaterThan(100);
      expect(status.textNodes).toBeLessThan(2_000);
      // No long task at all while the page rewrites itself (the ticker's own tasks take a few ms).
      expect(longTasks).toEqual([]);
      expect(errors).toEqual([]);
      await p.close();
    },
    (SOAK_SECONDS + 60) * 1000,
  );
});
