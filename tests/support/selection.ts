/**
 * Selects text on a page the way a reader does, with the real (trusted) mouse: press before the
 * first character, drag to after the last, release. The extension ignores events that page
 * script makes up, so tests must not dispatch their own.
 */
import type { Page } from 'playwright-core';

export async function selectText(page: Page, text: string): Promise<void> {
  const ends = await page.evaluate((text) => {
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
  }, text);
  if (!ends) throw new Error(`text not found on the page: ${text}`);
  await page.mouse.move(ends.from.x, ends.from.y);
  await page.mouse.down();
  await page.mouse.move(ends.to.x, ends.to.y, { steps: 5 });
  await page.mouse.up();
  const selected = await page.evaluate(() => document.getSelection()?.toString() ?? '');
  if (selected.trim() !== text.trim()) throw new Error(`the drag selected "${selected}", not "${text}"`);
}
