/** Reads what the content script highlighted, from the page's own world (CSS.highlights is shared). */
import type { Page } from 'playwright-core';

export interface SeenHighlight {
  name: string;
  text: string;
}

export async function readHighlights(page: Page): Promise<SeenHighlight[]> {
  return page.evaluate(() => {
    const out: { name: string; text: string }[] = [];
    for (const [name, highlight] of CSS.highlights) {
      for (const r of highlight as unknown as Iterable<AbstractRange>) {
        const live = document.createRange();
        live.setStart(r.startContainer, r.startOffset);
        live.setEnd(r.endContainer, r.endOffset);
        out.push({ name, text: live.toString() });
      }
    }
    return out;
  });
}

/** The viewport rectangle of the first occurrence of `text` in the page, found by a TreeWalker. */
export async function rectOfText(
  page: Page,
  text: string,
  occurrence = 0,
): Promise<{ x: number; y: number; width: number; height: number }> {
  const rect = await page.evaluate(
    ({ text, occurrence }) => {
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      let seen = 0;
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const data = (n as Text).data;
        let at = data.indexOf(text);
        while (at >= 0) {
          if (seen++ === occurrence) {
            const r = document.createRange();
            r.setStart(n, at);
            r.setEnd(n, at + text.length);
            r.startContainer.parentElement?.scrollIntoView({ block: 'center' });
            const b = r.getBoundingClientRect();
            return { x: b.x, y: b.y, width: b.width, height: b.height };
          }
          at = data.indexOf(text, at + 1);
        }
      }
      return null;
    },
    { text, occurrence },
  );
  if (!rect) throw new Error(`text not found on the page: ${text}`);
  return rect;
}
