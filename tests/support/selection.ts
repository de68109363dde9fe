/** Selects text on a page the way a reader's drag would end, and lets the page know the drag ended. */
import type { Page } from 'playwright-core';

export async function selectText(page: Page, text: string): Promise<void> {
  const found = await page.evaluate((text) => {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const at = (n as Text).data.indexOf(text);
      if (at < 0) continue;
      (n.parentElement as HTMLElement).scrollIntoView({ block: 'center' });
      document.getSelection()!.setBaseAndExtent(n, at, n, at + text.length);
      const rect = document.getSelection()!.getRangeAt(0).getBoundingClientRect();
      document.dispatchEvent(new MouseEvent('mouseup', { bubbles: true, clientX: rect.right, clientY: rect.bottom }));
      return true;
    }
    return false;
  }, text);
  if (!found) throw new Error(`text not found on the page: ${text}`);
}
