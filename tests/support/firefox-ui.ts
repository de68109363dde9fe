/**
 * The extension's UI inside pages (card, toolbar, note editor) in Firefox: extension frames in
 * closed shadow roots, out of the page's reach, but puppeteer lists them in `page.frames()` and
 * evaluates in them like in any frame (tests/support/ui-frame.ts does the same for Chromium).
 */
import { expect } from 'vitest';
import type { Frame } from 'puppeteer-core';
import type { FirefoxWithExtension } from './firefox';

export interface InUi {
  /** The UI frame that shows it. */
  frame: Frame;
  /** Its centre, in the tab's viewport pixels (where the reader's pointer goes to reach it). */
  x: number;
  y: number;
  /** Its box, in the tab's viewport pixels. */
  box: { left: number; top: number; width: number; height: number };
}

/** The test tab's UI frames, in tree order. */
export function uiFramesIn(firefox: FirefoxWithExtension): Frame[] {
  return firefox.page.frames().filter((f) => f.url().startsWith(`${firefox.extensionOrigin}/ui-frame.html`));
}

/**
 * How many elements match `selector` in the test tab's UI frames now. A frame it cannot read
 * makes it throw rather than count 0, so "none left" is never taken from a frame unread.
 */
export async function countInUi(firefox: FirefoxWithExtension, selector: string): Promise<number> {
  let n = 0;
  for (const frame of uiFramesIn(firefox)) n += await frame.$$eval(selector, (found) => found.length);
  return n;
}

/** Where a window's content starts on screen (Firefox only), read in that window. */
const screenOrigin = () => {
  const w = window as unknown as { mozInnerScreenX: number; mozInnerScreenY: number };
  return { sx: w.mozInnerScreenX, sy: w.mozInnerScreenY };
};

/**
 * Waits until a UI frame shows `[data-testid=testId]` with a size, and says where. The frame's
 * place in the tab comes from Firefox's `mozInnerScreenX/Y` (where each window's content starts
 * on screen), so the test needs nothing the page could see or forge.
 */
export async function findInUi(firefox: FirefoxWithExtension, testId: string, timeout = 10_000): Promise<InUi> {
  let found: InUi | null = null;
  await expect
    .poll(
      async () => {
        for (const frame of uiFramesIn(firefox)) {
          const at = await frame
            .evaluate((id) => {
              const b = document.querySelector(`[data-testid="${id}"]`)?.getBoundingClientRect();
              const w = window as unknown as { mozInnerScreenX: number; mozInnerScreenY: number };
              return b && b.width && b.height
                ? {
                    left: b.x,
                    top: b.y,
                    width: b.width,
                    height: b.height,
                    sx: w.mozInnerScreenX,
                    sy: w.mozInnerScreenY,
                  }
                : null;
            }, testId)
            .catch(() => null); // a frame that went away meanwhile
          if (!at) continue;
          const top = await firefox.page.evaluate(screenOrigin);
          const box = {
            left: at.sx - top.sx + at.left,
            top: at.sy - top.sy + at.top,
            width: at.width,
            height: at.height,
          };
          found = { frame, x: box.left + box.width / 2, y: box.top + box.height / 2, box };
          return true;
        }
        return false;
      },
      { timeout, interval: 100 },
    )
    .toBe(true);
  return found!;
}
