/**
 * What a test reads on tests/fixtures/pages/hostile/sabotage.html, using only what that page
 * leaves alone (new Range, StaticRange fields): page.evaluate(fn) with playwright-core in Chromium
 * and with puppeteer-core in Firefox. Each function must stand alone: it runs in the page.
 */

/** Every highlighted text on the page. */
export function highlightedTexts(): string[] {
  const out: string[] = [];
  for (const [, h] of CSS.highlights)
    for (const r of h as unknown as Iterable<AbstractRange>)
      out.push((r.startContainer as Text).data.slice(r.startOffset, r.endOffset));
  return out;
}

/** The viewport centre of `word` in the page's first paragraph. */
export function centerOfWord(word: string): { x: number; y: number } {
  const p = document.body.firstElementChild!.firstChild as Text;
  const range = new Range();
  const i = p.data.indexOf(word);
  range.setStart(p, i);
  range.setEnd(p, i + word.length);
  const b = range.getBoundingClientRect();
  return { x: b.x + b.width / 2, y: b.y + b.height / 2 };
}
