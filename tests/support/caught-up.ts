/**
 * "Nothing may happen" tests (a made-up hover opens no card, a card stays while the pointer is
 * on it) must not assert after a blind wait: they wait for a positive sign that the content
 * script has run past everything the forbidden reaction could have come from.
 *
 * A status round trip is not enough, since what could react is a timer in the content script
 * (the hover delay, 150 ms by default; the card's 350 ms grace; the note bubble's 400 ms), and
 * hovering a real name is not either: it cancels a pending hover, so a made-up one that had been
 * accepted would leave no trace. What works is the content script's own clock: it follows page
 * changes in batches, 250 ms after the first change of a batch (entrypoints/content/index.ts).
 * So the page changes a sentinel paragraph three times (a name added, renamed, removed) and the
 * test waits to see each change in the highlights. The first change may join a batch already
 * queued; while nothing else changes the page, each later one starts a batch of its own, which
 * runs at least 250 ms after it. When the third shows, every timer the content script had set
 * before this call with a delay under 500 ms has fired (the batch timer is one of them, and timers
 * run in the order they fall due), and the page is as it was: no sentinel paragraph, no
 * highlight in it.
 */
import { expect } from 'vitest';
import type { Frame, Page } from 'playwright-core';
import type { Page as FirefoxPage } from 'puppeteer-core';

const STEPS = [
  ['add', 'UNICEF'],
  ['rename', 'UNESCO'],
  ['remove', ''],
] as const;

type Step = (typeof STEPS)[number][0];

/** Runs in the page (must stand alone): makes one change to the sentinel paragraph. */
export function changeSentinel(step: Step): boolean {
  const w = window as unknown as { __lensSentinel?: HTMLElement };
  if (step === 'add') {
    const p = document.createElement('p');
    p.textContent = 'Sentinel: UNICEF.';
    document.body.append(p);
    w.__lensSentinel = p;
  } else if (step === 'rename') w.__lensSentinel!.textContent = 'Sentinel: UNESCO.';
  else w.__lensSentinel!.remove();
  return true;
}

/** Runs in the page (must stand alone): the text highlighted in the sentinel paragraph, '' when none. */
export function sentinelHighlight(): string {
  const sentinel = (window as unknown as { __lensSentinel?: HTMLElement }).__lensSentinel;
  if (!sentinel) return '';
  for (const [, h] of CSS.highlights)
    for (const r of h as unknown as Iterable<AbstractRange>)
      if (sentinel.contains(r.startContainer)) return (r.startContainer as Text).data.slice(r.startOffset, r.endOffset);
  return '';
}

/** Chromium: waits until the content script of `target` (a page or one of its frames) has caught up. */
export async function caughtUp(target: Page | Frame): Promise<void> {
  for (const [step, highlighted] of STEPS) {
    await target.evaluate(changeSentinel, step);
    await expect.poll(() => target.evaluate(sentinelHighlight), { timeout: 10_000 }).toBe(highlighted);
  }
}

/** Firefox (puppeteer-core): the same, for a tab. */
export async function caughtUpInFirefox(page: FirefoxPage): Promise<void> {
  for (const [step, highlighted] of STEPS) {
    await page.evaluate(changeSentinel, step);
    await expect.poll(() => page.evaluate(sentinelHighlight), { timeout: 10_000, interval: 100 }).toBe(highlighted);
  }
}
