/**
 * The extension's UI inside pages (card, toolbar, note editor) in Firefox: extension frames in
 * closed shadow roots, out of the page's reach but listed in the browsing-context tree, where
 * WebDriver BiDi evaluates in them like in any frame (tests/support/ui-frame.ts does the same
 * for Chromium with playwright-core).
 */
import { expect } from 'vitest';
import type { FirefoxWithExtension } from './firefox';

export interface InUi {
  /** The browsing context of the UI frame that shows it. */
  context: string;
  /** Its centre, in the tab's viewport pixels (where the reader's pointer goes to reach it). */
  x: number;
  y: number;
  /** Its box, in the tab's viewport pixels. */
  box: { left: number; top: number; width: number; height: number };
}

/** The tab's UI frames, in tree order. */
export async function uiFramesIn(firefox: FirefoxWithExtension): Promise<{ context: string; url: string }[]> {
  return (await firefox.frames()).filter((f) => f.url.startsWith(`${firefox.extensionOrigin}/ui-frame.html`));
}

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
        for (const frame of await uiFramesIn(firefox)) {
          const at = await firefox
            .evaluateIn<{ left: number; top: number; width: number; height: number; sx: number; sy: number } | null>(
              frame.context,
              `(() => {
                const b = document.querySelector('[data-testid="${testId}"]')?.getBoundingClientRect();
                return b && b.width && b.height
                  ? { left: b.x, top: b.y, width: b.width, height: b.height, sx: mozInnerScreenX, sy: mozInnerScreenY }
                  : null;
              })()`,
            )
            .catch(() => null); // a frame that went away meanwhile
          if (!at) continue;
          const top = await firefox.evaluate<{ sx: number; sy: number }>(
            '({ sx: mozInnerScreenX, sy: mozInnerScreenY })',
          );
          const box = {
            left: at.sx - top.sx + at.left,
            top: at.sy - top.sy + at.top,
            width: at.width,
            height: at.height,
          };
          found = { context: frame.context, x: box.left + box.width / 2, y: box.top + box.height / 2, box };
          return true;
        }
        return false;
      },
      { timeout, interval: 100 },
    )
    .toBe(true);
  return found!;
}

/** Clicks the centre of `selector` in browsing context `context` with the reader's own pointer, once it is shown. */
export async function clickIn(firefox: FirefoxWithExtension, context: string, selector: string): Promise<void> {
  const centre = () =>
    firefox.evaluateIn<{ x: number; y: number } | null>(
      context,
      `(() => { const b = document.querySelector(${JSON.stringify(selector)})?.getBoundingClientRect(); return b && b.width ? { x: b.x + b.width / 2, y: b.y + b.height / 2 } : null; })()`,
    );
  await expect.poll(centre, { timeout: 10_000, interval: 100 }).not.toBeNull();
  await firefox.pointer([{ move: (await centre())! }, { down: true }, { up: true }], context);
}
