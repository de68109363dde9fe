/**
 * The highlights are painted, not only registered: in Chrome the colours are rules on the root
 * element that all text inherits (scripts/build/root-highlights.ts), so this looks at the pixels
 * of a name nested in inline elements and of one inside an open shadow root.
 */
import { describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { CHROME_BUILD } from '../support/chromium';
import { useExtensionSuite } from '../support/extension-suite';
import { mountPages } from '../support/static-server';
import { readHighlights } from '../support/page-highlights';

const PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Paint</title>
<style>body { font: 32px/1.4 sans-serif; background: #fff; color: #000; }</style></head><body>
<p id="plain">Plain words without any name.</p>
<div><p><span><b id="nested">UNICEF</b></span> works for children.</p></div>
<div id="host"></div>
<script>
  document.getElementById('host').attachShadow({ mode: 'open' }).innerHTML =
    '<p><span id="inside">UNICEF</span> inside a shadow root.</p>';
</script>
</body></html>`;

/** Runs in the page: the viewport box of an element, found in the document or the host's shadow root. */
function boxOf(id: string): { x: number; y: number; width: number; height: number } {
  const el = document.getElementById(id) ?? document.getElementById('host')!.shadowRoot!.getElementById(id)!;
  const r = el.getBoundingClientRect();
  return { x: r.x, y: r.y, width: r.width, height: r.height };
}

/** How many pixels of an element's box carry the organization fill (a light blue over white). */
async function tintedPixels(page: Page, id: string): Promise<number> {
  const clip = await page.evaluate(boxOf, id);
  const png = (await page.screenshot({ clip })).toString('base64');
  return page.evaluate(async (b64) => {
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = img.width;
    canvas.height = img.height;
    const g = canvas.getContext('2d')!;
    g.drawImage(img, 0, 0);
    const d = g.getImageData(0, 0, canvas.width, canvas.height).data;
    let n = 0;
    for (let i = 0; i < d.length; i += 4) if (d[i + 2]! > 230 && d[i + 2]! - d[i]! > 25 && d[i]! > 150) n++;
    return n;
  }, png);
}

describe('highlights painted, in Chromium', () => {
  const suite = useExtensionSuite({
    mounts: () => mountPages('/paint/', { 'paint.html': PAGE }),
  });

  test('the build puts the highlight colours on the root element', () => {
    const css = readFileSync(join(CHROME_BUILD, 'content-scripts/content.css'), 'utf8');
    expect(css.match(/:root::highlight\(/g)?.length).toBeGreaterThan(10);
    expect(css.replaceAll(':root::highlight(', '')).not.toContain('::highlight(');
  });

  test('a name nested in inline elements and one in an open shadow root are filled; plain text is not', async () => {
    const page = await suite.browser.context.newPage();
    await page.goto(suite.server.url('/paint/paint.html'));
    await expect
      .poll(async () => (await readHighlights(page)).filter((h) => h.text === 'UNICEF').length, { timeout: 10_000 })
      .toBe(2);
    await expect.poll(() => tintedPixels(page, 'nested'), { timeout: 5_000 }).toBeGreaterThan(500);
    await expect.poll(() => tintedPixels(page, 'inside'), { timeout: 5_000 }).toBeGreaterThan(500);
    expect(await tintedPixels(page, 'plain')).toBe(0);
    // Painted without adding anything to the page's shadow root.
    expect(await page.evaluate(() => document.getElementById('host')!.shadowRoot!.adoptedStyleSheets.length)).toBe(0);
    await page.close();
  });
});
