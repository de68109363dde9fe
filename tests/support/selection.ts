/**
 * Selects text on a page the way a reader does, with the real (trusted) mouse: press before the
 * first character, drag to after the last, release. The extension ignores events that page
 * script makes up, so tests must not dispatch their own.
 *
 * Where the text is on screen is read in an isolated world of the page (through the DevTools
 * protocol), so a page that sabotages its own prototypes cannot break the test's reading.
 */
import type { Page } from 'playwright-core';

export interface Ends {
  from: { x: number; y: number };
  to: { x: number; y: number };
}

/**
 * Runs in the page (stands alone; Firefox tests pass it to puppeteer's `page.evaluate`):
 * scrolls the first text node holding `text` into view and returns where the text starts and ends.
 */
export function endsOfText(text: string): Ends | null {
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const at = (n as Text).data.indexOf(text);
    if (at < 0) continue;
    (n.parentElement as HTMLElement).scrollIntoView({ block: 'center' });
    const charRect = (offset: number) => {
      const r = document.createRange();
      r.setStart(n, offset);
      r.setEnd(n, offset + 1);
      const b = r.getBoundingClientRect();
      return { x: b.x, y: b.y + b.height / 2, width: b.width };
    };
    const first = charRect(at);
    const last = charRect(at + text.length - 1);
    return { from: { x: first.x + 0.5, y: first.y }, to: { x: last.x + last.width - 0.5, y: last.y } };
  }
  return null;
}

function selectedText(): string {
  return document.getSelection()?.toString() ?? '';
}

/** Evaluates `fn(arg)` in an isolated world of the page's main frame, with the page's own prototypes out of reach. */
async function inIsolatedWorld<A, R>(page: Page, fn: (arg: A) => R, arg: A): Promise<R> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { frameTree } = await cdp.send('Page.getFrameTree');
    const { executionContextId } = await cdp.send('Page.createIsolatedWorld', {
      frameId: frameTree.frame.id,
      worldName: 'context-lens-test',
    });
    const { result, exceptionDetails } = await cdp.send('Runtime.evaluate', {
      expression: `(${fn.toString()})(${JSON.stringify(arg)})`,
      contextId: executionContextId,
      returnByValue: true,
    });
    if (exceptionDetails)
      throw new Error(`in the page: ${exceptionDetails.exception?.description ?? exceptionDetails.text}`);
    return result.value as R;
  } finally {
    await cdp.detach();
  }
}

export async function selectText(page: Page, text: string): Promise<void> {
  const ends = await inIsolatedWorld(page, endsOfText, text);
  if (!ends) throw new Error(`text not found on the page: ${text}`);
  await page.mouse.move(ends.from.x, ends.from.y);
  await page.mouse.down();
  await page.mouse.move(ends.to.x, ends.to.y, { steps: 5 });
  await page.mouse.up();
  const selected = await inIsolatedWorld(page, selectedText, undefined);
  if (selected.trim() !== text.trim()) throw new Error(`the drag selected "${selected}", not "${text}"`);
}
