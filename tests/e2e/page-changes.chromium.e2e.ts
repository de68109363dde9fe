import { describe, expect, test } from 'vitest';
import { pageStatus, setStoredSetting } from '../support/chromium';
import { caughtUp } from '../support/caught-up';
import { inUi } from '../support/ui-frame';
import { useExtensionSuite } from '../support/extension-suite';
import { join } from 'node:path';
import { REPO_ROOT, SEED_PAGES } from '../support/static-server';
import { readHighlights } from '../support/page-highlights';

describe('following the page in Chromium', () => {
  const suite = useExtensionSuite();
  const setSetting = (key: string, value: unknown) => setStoredSetting(suite.browser.context, key, value);
  /** A page with a same-origin frame, once the frame's own content script has highlighted it. */
  async function openFramedPage() {
    const page = await suite.browser.context.newPage();
    await page.goto(suite.server.url('/pages/with-frame.html'));
    const inner = page.frames().find((f) => f.url().endsWith('frame-content.html'))!;
    await expect
      .poll(() => inner.evaluate(() => [...CSS.highlights.keys()].length), { timeout: 10_000 })
      .toBeGreaterThan(0);
    return { page, inner };
  }

  test('highlights text inserted after load, and resolves "Mr. Ban" in it', async () => {
    const page = await suite.browser.context.newPage();
    await page.goto(suite.server.url('/pages/dynamic.html'));
    await expect
      .poll(async () => (await readHighlights(page)).map((h) => h.text), { timeout: 10_000 })
      .toEqual(expect.arrayContaining(['Mr. Ban', 'UNICEF', 'Ban Ki-moon']));
    await page.close();
  });

  test('highlights text in open shadow roots, including text added there later, and hovers it', async () => {
    const page = await suite.browser.context.newPage();
    await page.goto(suite.server.url('/pages/dynamic.html'));
    const inShadow = () =>
      page.evaluate(() => {
        const texts: string[] = [];
        for (const [, h] of CSS.highlights) {
          for (const r of h as unknown as Iterable<AbstractRange>) {
            if (r.startContainer.getRootNode() instanceof ShadowRoot)
              texts.push((r.startContainer as Text).data.slice(r.startOffset, r.endOffset));
          }
        }
        return texts;
      });
    await expect
      .poll(inShadow, { timeout: 10_000 })
      .toEqual(expect.arrayContaining(['UNESCO', 'Paris', 'World Food Programme']));
    // The card opens from a mention inside the shadow tree too.
    const box = await page.evaluate(() => {
      const text = document.getElementById('card')!.shadowRoot!.querySelector('p')!.firstChild as Text;
      const at = text.data.indexOf('UNESCO');
      const r = document.createRange();
      r.setStart(text, at);
      r.setEnd(text, at + 6);
      const b = r.getBoundingClientRect();
      return { x: b.x + b.width / 2, y: b.y + b.height / 2 };
    });
    await page.mouse.move(box.x, box.y);
    const card = await inUi(page, 'entity-card');
    expect(await card.getAttribute('data-entity')).toBe('unesco');
    await page.close();
  });

  test('highlights a same-origin frame and opens the card inside it, on screen', async () => {
    const { page, inner } = await openFramedPage();
    const r = await inner.evaluate(() => {
      const text = document.querySelector('p')!.firstChild as Text;
      const at = text.data.indexOf('Ban Ki-moon');
      const range = document.createRange();
      range.setStart(text, at);
      range.setEnd(text, at + 11);
      const b = range.getBoundingClientRect();
      return { x: b.x + b.width / 2, y: b.y + b.height / 2 };
    });
    const box = (await page.locator('#frame').boundingBox())!;
    await page.mouse.move(box.x + 1 + r.x, box.y + 1 + r.y);
    const card = await inUi(page, 'entity-card');
    expect(await card.getAttribute('data-entity')).toBe('ban-ki-moon');
    // Drawn by the frame's own content script, inside the frame.
    expect(
      card
        .page()
        .frames()
        .find((f) => f.url().includes('ui-frame.html'))
        ?.parentFrame(),
    ).toBe(inner);
    // The card stays inside the frame's viewport and does not cover the mention.
    const cardBox = (await card.boundingBox())!;
    expect(cardBox.y + cardBox.height).toBeLessThanOrEqual(box.y + box.height + 1);
    const mentionTop = box.y + 1 + r.y;
    expect(cardBox.y > mentionTop || cardBox.y + cardBox.height < mentionTop).toBe(true);
    await page.screenshot({ path: join(REPO_ROOT, 'artifacts/e2e/card-in-frame.png') });
    await page.close();
  });

  test("only the top page reports its count (the button's badge): a frame's reports would be read by no one", async () => {
    const worker = suite.browser.context.serviceWorkers()[0]!;
    await worker.evaluate(() => {
      const g = globalThis as unknown as { chrome: typeof import('wxt/browser').browser; statuses: string[] };
      g.statuses = [];
      g.chrome.runtime.onMessage.addListener((m: { type?: string }, sender) => {
        if (m?.type === 'content:status')
          g.statuses.push(`${sender.frameId === 0 ? 'top' : 'frame'} ${sender.url?.split('/').pop()}`);
      });
    });
    const statuses = () => worker.evaluate(() => (globalThis as unknown as { statuses: string[] }).statuses);
    const { page } = await openFramedPage();
    await expect.poll(statuses, { timeout: 10_000 }).toContain('top with-frame.html');
    await page.waitForTimeout(500); // a frame's report, if sent, would have come by now
    expect((await statuses()).filter((s) => !s.startsWith('top '))).toEqual([]);
    await page.close();
  });

  test('never touches inputs, textareas, editable areas, code or translate=no', async () => {
    const page = await suite.browser.context.newPage();
    await page.goto(suite.server.url('/pages/dynamic.html'));
    await expect.poll(async () => (await readHighlights(page)).length, { timeout: 10_000 }).toBeGreaterThan(2);
    const inside = await page.evaluate(() => {
      const guarded = ['field', 'area', 'editable', 'code', 'notranslate'].map((id) => document.getElementById(id)!);
      const hits: string[] = [];
      for (const [, h] of CSS.highlights) {
        for (const r of h as unknown as Iterable<AbstractRange>) {
          const el = r.startContainer.parentElement;
          if (guarded.some((g) => g.contains(el))) hits.push(r.startContainer.textContent ?? '');
        }
      }
      return hits;
    });
    expect(inside).toEqual([]);
    await page.close();
  });

  test('a page that rewrites itself on every mutation does not loop with us', async () => {
    const page = await suite.browser.context.newPage();
    await page.goto(suite.server.url('/pages/dynamic.html'));
    // The page's own later changes (a paragraph, a shadow root's text) are followed, and then
    // three more page changes: any loop between its observer and us has had its rounds.
    await expect
      .poll(async () => (await readHighlights(page)).map((h) => h.text), { timeout: 10_000 })
      .toEqual(expect.arrayContaining(['Mr. Ban', 'World Food Programme']));
    await caughtUp(page);
    // The page's own observer writes once per external change; we add no DOM changes of our own.
    expect(await page.evaluate(() => (window as unknown as { tickerWrites: number }).tickerWrites)).toBeLessThanOrEqual(
      3,
    );
    await page.close();
  });

  test('turning highlighting off restores the page exactly, and on brings it back', async () => {
    const page = await suite.browser.context.newPage();
    await page.goto(suite.server.url(SEED_PAGES[0]!));
    await expect.poll(async () => (await readHighlights(page)).length, { timeout: 10_000 }).toBeGreaterThan(5);
    const html = await page.evaluate(() => document.documentElement.outerHTML);
    await setSetting('settings.highlighting', false);
    await expect.poll(() => page.evaluate(() => CSS.highlights.size)).toBe(0);
    expect(await page.evaluate(() => document.documentElement.outerHTML)).toBe(html);
    await setSetting('settings.highlighting', null);
    await expect.poll(async () => (await readHighlights(page)).length, { timeout: 10_000 }).toBeGreaterThan(5);
    await page.close();
  });

  test('the library page switches open tabs to the underline style', async () => {
    const page = await suite.browser.context.newPage();
    await page.goto(suite.server.url(SEED_PAGES[0]!));
    await expect
      .poll(() => page.evaluate(() => CSS.highlights.has('context-lens-person')), { timeout: 10_000 })
      .toBe(true);
    const library = await suite.browser.context.newPage();
    await library.goto(`chrome-extension://${suite.browser.extensionId}/library.html`);
    await library.getByTestId('highlight-style').selectOption('underline');
    await expect.poll(() => page.evaluate(() => CSS.highlights.has('context-lens-person-underline'))).toBe(true);
    expect(await page.evaluate(() => CSS.highlights.has('context-lens-person'))).toBe(false);
    await page.screenshot({ path: join(REPO_ROOT, 'artifacts/e2e/underline-style.png') });
    await library.getByTestId('highlight-style').selectOption('background');
    await library.close();
    await page.close();
  });

  test('a per-site rule turns this site off', async () => {
    await setSetting('settings.siteRules', { '127.0.0.1': { enabled: false } });
    const page = await suite.browser.context.newPage();
    await page.goto(suite.server.url(SEED_PAGES[0]!));
    // The content script has read its settings and answers: off here (were the rule ignored, it
    // would scan, and the highlights be checked once that scan is done).
    await expect
      .poll(async () => {
        const status = await pageStatus(suite.browser.context, page);
        return status && (!status.enabled || status.scanned) ? status : null;
      })
      .toMatchObject({ enabled: false });
    expect(await page.evaluate(() => CSS.highlights.size)).toBe(0);
    await setSetting('settings.siteRules', null);
    await page.close();
  });
});
