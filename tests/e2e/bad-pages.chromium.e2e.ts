/**
 * Hostile and extreme pages: the extension degrades quietly, never throws into the page and
 * never blocks it.
 */
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { pageStatus, sendToTab } from '../support/chromium';
import { useExtensionSuite } from '../support/extension-suite';
import { mountPages } from '../support/static-server';

const SENTENCES = [
  'The Secretary-General of the United Nations, Ban Ki-moon, addressed the General Assembly.',
  'UNICEF and the World Health Organization worked with UNHCR in Syria and Lebanon.',
  'Генеральный секретарь Организации Объединённых Наций выступил в Женеве.',
  '联合国秘书长潘基文在大会上发言。',
  'الأمين العام للأمم المتحدة بان كي مون في جنيف.',
];

function page(body: string, head = ''): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>bad page</title>${head}</head><body>${body}</body></html>`;
}

/** The pages, by file name. */
function badPages(): Record<string, string> {
  const pages: Record<string, string> = {};
  // About 10 MB of text in 40k paragraphs.
  const paragraphs: string[] = [];
  let size = 0;
  for (let i = 0; size < 10_000_000; i++) {
    const p = `<p>${i}: ${SENTENCES[i % SENTENCES.length]} ${'Lorem ipsum dolor sit amet. '.repeat(6)}</p>`;
    paragraphs.push(p);
    size += p.length;
  }
  pages['huge.html'] = page(paragraphs.join('\n') + '<p id="end">The end: UNESCO and the World Food Programme.</p>');
  // 200,000 text nodes in one paragraph, built by the page's script (spreading them into one
  // push() call overflowed the stack), with names at both ends.
  pages['many-nodes.html'] = page(
    `<p id="top">${SENTENCES[0]}</p><p id="many"></p><p id="end">The end: UNESCO and the World Food Programme.</p>
       <script>const p = document.getElementById('many'); const f = document.createDocumentFragment();
       for (let i = 0; i < 200000; i++) f.appendChild(document.createTextNode(i % 1000 === 0 ? ' UNICEF ' : 'x'));
       p.appendChild(f);</script>`,
  );
  // 4,000 nested elements around a name.
  pages['nested.html'] = page(`${'<div>'.repeat(4000)}${SENTENCES[0]}${'</div>'.repeat(4000)}`);
  // A page that sabotages the APIs we use, in its own world.
  pages['sabotage.html'] = page(
    `<p>${SENTENCES[0]}</p><p>${SENTENCES[1]}</p>`,
    `<script>
        Object.defineProperty(CSS, 'highlights', { get() { throw new Error('page broke CSS.highlights'); } });
        window.Highlight = undefined; window.StaticRange = undefined;
        Range.prototype.getClientRects = () => { throw new Error('page broke Range'); };
        document.createTreeWalker = () => { throw new Error('page broke TreeWalker'); };
        Object.freeze(CSS);
      </script>`,
  );
  // A frame that navigates away while the page is being scanned.
  pages['frame-inner.html'] = page(`<p>${SENTENCES[1]}</p>`);
  pages['frames.html'] = page(
    `<p>${SENTENCES[0]}</p><iframe id="f" src="frame-inner.html"></iframe>
       <script>let n = 0; const f = document.getElementById('f');
       const t = setInterval(() => { f.src = (n++ % 2 ? 'frame-inner.html' : 'about:blank'); if (n > 12) { clearInterval(t); window.navigationsDone = true; } }, 40);</script>`,
  );
  return pages;
}

describe('bad pages in Chromium', () => {
  const suite = useExtensionSuite({
    mounts: () => mountPages('/bad/', badPages()),
  });
  const statusOf = (p: Page) => pageStatus(suite.browser.context, p);

  async function open(path: string): Promise<{ p: Page; errors: string[] }> {
    const p = await suite.browser.context.newPage();
    const errors: string[] = [];
    p.on('pageerror', (e) => errors.push(e.message));
    await p.goto(suite.server.url(path), { timeout: 60_000 });
    return { p, errors };
  }

  test('10 MB of text: scanned in slices under 50 ms, the page stays responsive', async () => {
    const { p, errors } = await open('/bad/huge.html');
    // The page is not frozen while we scan. (Its own first layout of 10 MB takes about a second
    // here; what is ours is bounded by longestTaskMs below.)
    const t0 = Date.now();
    await p.evaluate(() => 1 + 1);
    expect(Date.now() - t0).toBeLessThan(5000);
    await expect.poll(async () => (await statusOf(p))?.scanned, { timeout: 150_000, interval: 1000 }).toBe(true);
    const status = (await statusOf(p))!;
    // The page holds ~160k mentions; past 20k the extension stops drawing (MAX_MENTIONS).
    expect(status.mentions).toBe(20_000);
    expect(status.longestTaskMs).toBeLessThan(50);
    expect(errors).toEqual([]);
    await p.close();
  }, 180_000);

  test('opened scrolled to its end, a 10 MB page is highlighted on screen first', async () => {
    const { p } = await open('/bad/huge.html#end');
    // On screen: the last paragraphs. The pass starts from the first visible node and wraps to
    // the top; the page holds ~160k mentions and drawing stops at 20k, so in document order
    // the end would never be drawn.
    const onScreen = () =>
      p.evaluate(() => {
        let n = 0;
        for (const [, h] of CSS.highlights) {
          for (const r of h as unknown as Iterable<AbstractRange>) {
            const rect = (r.startContainer.parentElement as Element).getBoundingClientRect();
            if (rect.bottom > 0 && rect.top < innerHeight) n++;
          }
        }
        return n;
      });
    await expect.poll(async () => (await statusOf(p))?.scanned, { timeout: 150_000, interval: 1000 }).toBe(true);
    expect(await onScreen()).toBeGreaterThan(3);
    await p.close();
  }, 180_000);

  test('200,000 text nodes: scanned without error, names found at both ends', async () => {
    const { p, errors } = await open('/bad/many-nodes.html');
    await expect.poll(async () => (await statusOf(p))?.scanned, { timeout: 60_000, interval: 500 }).toBe(true);
    const status = (await statusOf(p))!;
    expect(status.textNodes).toBeGreaterThan(200_000);
    expect(status.mentions).toBeGreaterThan(200); // UNICEF every 1,000 nodes, and the names at both ends
    // Saving the page (its entities) works there too.
    expect(await sendToTab(suite.browser.context, p, { type: 'page:save', payload: {} })).toEqual({ ok: true });
    expect(errors).toEqual([]);
    await p.close();
  }, 90_000);

  test('deeply nested DOM: no error, the name is highlighted', async () => {
    const { p, errors } = await open('/bad/nested.html');
    await expect.poll(async () => (await statusOf(p))?.mentions ?? 0, { timeout: 15_000 }).toBeGreaterThan(2);
    expect(errors).toEqual([]);
    await p.close();
  });

  test('a page that breaks CSS.highlights, Range and TreeWalker in its own world does not break us', async () => {
    const { p, errors } = await open('/bad/sabotage.html');
    await expect.poll(async () => (await statusOf(p))?.mentions ?? 0, { timeout: 15_000 }).toBeGreaterThan(3);
    // Only the page's own script errors, none from us.
    expect(errors.filter((e) => !/page broke/.test(e))).toEqual([]);
    await p.close();
  });

  test('a frame that navigates away mid-scan: nothing thrown, the top page is highlighted', async () => {
    const { p, errors } = await open('/bad/frames.html');
    // The frame has gone back and forth 13 times (the page says when); then the top page is scanned.
    await p.waitForFunction(() => (window as unknown as { navigationsDone?: boolean }).navigationsDone === true);
    await expect.poll(async () => (await statusOf(p))?.mentions ?? 0, { timeout: 15_000 }).toBeGreaterThan(2);
    expect(errors).toEqual([]);
    await p.close();
  });
});
