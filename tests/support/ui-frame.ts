/**
 * The extension's UI inside pages (card, toolbar, note editor, note bubbles) is drawn in
 * extension-origin frames hidden in closed shadow roots: page script cannot reach them, but the
 * browser driver can. These helpers find what a test looks for in whichever frame shows it.
 */
import type { Frame, Locator, Page } from 'playwright-core';
import { waitUntil } from './wait';

/** The UI frames of a page (of any of its frames), in tree order. */
export function uiFrames(page: Page): Frame[] {
  return page.frames().filter((f) => /^(chrome|moz)-extension:\/\/[^/]+\/ui-frame\.html/.test(f.url()));
}

/** How many elements with this test id the page's UI frames show now. */
export async function countInUi(page: Page, testId: string): Promise<number> {
  let n = 0;
  for (const frame of uiFrames(page))
    n += await frame
      .getByTestId(testId)
      .count()
      .catch(() => 0);
  return n;
}

/** Waits until a UI frame shows this test id and returns it there. */
export async function inUi(page: Page, testId: string, timeoutMs = 5_000): Promise<Locator> {
  return waitUntil(
    `a UI frame showing [data-testid=${testId}]`,
    async () => {
      for (const frame of uiFrames(page)) {
        const found = frame.getByTestId(testId);
        if ((await found.count().catch(() => 0)) > 0) return found.first();
      }
      return null;
    },
    { timeoutMs, intervalMs: 50 },
  );
}
