/**
 * Issue 13 in Firefox (the build that ships): the attacks of the Chromium suite that matter most
 * here, from the page's own world. In Firefox the extension's origin is a per-install UUID, the
 * same on every site: it must never reach the page, and the matcher must not be fetchable with it.
 */
import { describe, expect, test } from 'vitest';
import { join } from 'node:path';
import type { Frame } from 'puppeteer-core';
import { evaluate, saveScreenshot } from '../support/firefox';
import { useFirefoxSuite } from '../support/firefox-suite';
import { uiFramesIn } from '../support/firefox-ui';
import { centerOfWord, highlightedTexts } from '../support/sabotage-probes';
import { caughtUpInFirefox } from '../support/caught-up';
import { REPO_ROOT } from '../support/static-server';

const SHOTS = join(REPO_ROOT, 'artifacts/e2e/hostile');
const ARTICLE = '/pages/hostile/article.html';
const NOTE = 'Zqxv private remark 7391';

describe('a hostile page in Firefox', () => {
  const suite = useFirefoxSuite();

  const page = () => suite.firefox.page;
  const inPage = <T>(expression: string) => evaluate<T>(page(), expression);
  const uuid = () => new URL(suite.firefox.extensionOrigin).host;
  const leaks = () => inPage<string[]>(`window.__attack.find(${JSON.stringify(['moz-extension', uuid(), NOTE])})`);

  async function open(): Promise<void> {
    await page().goto(suite.server.url(ARTICLE));
    await expect
      .poll(() => page().evaluate(() => CSS.highlights.size), { timeout: 10_000, interval: 250 })
      .toBeGreaterThan(0);
  }

  async function centerOf(needle: string): Promise<{ x: number; y: number }> {
    const r = await inPage<{ x: number; y: number; width: number; height: number }>(
      `window.__attack.rectOf(${JSON.stringify(needle)})`,
    );
    return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
  }

  /** Where a test id of the UI frame is, in the tab's viewport. */
  async function inFrame(testId: string): Promise<{ frame: Frame; x: number; y: number }> {
    let found: { frame: Frame; x: number; y: number } | null = null;
    await expect
      .poll(
        async () => {
          for (const frame of uiFramesIn(suite.firefox)) {
            const at = await frame.evaluate((id) => {
              const b = document.querySelector(`[data-testid="${id}"]`)?.getBoundingClientRect();
              return b && b.width ? { x: b.x + b.width / 2, y: b.y + b.height / 2 } : null;
            }, testId);
            if (!at) continue;
            // The frame's place in the page, from the host the page can see (and only that).
            const host = await page().evaluate(() => {
              const b = document.body.lastElementChild!.getBoundingClientRect();
              return { x: b.x, y: b.y };
            });
            found = { frame, x: host.x + at.x, y: host.y + at.y };
            return true;
          }
          return false;
        },
        { timeout: 10_000, interval: 200 },
      )
      .toBe(true);
    return found!;
  }

  const entityOfCard = (frame: Frame) =>
    frame.evaluate(() => document.querySelector<HTMLElement>('[data-testid="entity-card"]')!.dataset.entity);

  test('made-up events open nothing; the reader hovering opens the card, and the page learns nothing', async () => {
    await open();
    const before = await page().evaluate(() => document.body.children.length);
    await inPage(
      `(window.__attack.fakeHover('Ban Ki-moon'), window.__attack.fakeSelect('deep and practical consequences'), true)`,
    );
    await caughtUpInFirefox(page()); // past the hover delay: nothing may have come
    expect(uiFramesIn(suite.firefox)).toHaveLength(0);
    expect(await page().evaluate(() => document.body.children.length)).toBe(before);

    const at = await centerOf('UNESCO');
    await page().mouse.move(at.x, at.y);
    const card = await inFrame('entity-card');
    expect(await entityOfCard(card.frame)).toBe('unesco');
    expect(await page().evaluate(() => document.body.lastElementChild!.shadowRoot === null)).toBe(true);
    expect(await leaks()).toEqual([]);
    expect(await inPage<string[]>('window.__spy.messages')).toEqual([]);
    await saveScreenshot(page(), join(SHOTS, 'firefox-card.png'));
  });

  test('the page cannot fetch the matcher with the UUID, nor switch the extension off', async () => {
    await open();
    const fetched = await inPage<string[]>(
      `window.__attack.fetchOurs(${JSON.stringify(suite.firefox.extensionOrigin)})`,
    );
    expect(fetched).toContain('/data/matcher.bin: refused');
    expect(fetched).toContain('/manifest.json: refused');
    expect(fetched).toContain('/library.html: refused');
    await inPage(`(window.__attack.forgeStarted(${JSON.stringify(suite.firefox.addonId)}), true)`);
    await page().evaluate(() => {
      document.getElementById('late')!.textContent = 'Later, the World Health Organization spoke.';
    });
    await expect
      .poll(
        () =>
          inPage<boolean>(
            `[...CSS.highlights.values()].some((h) => [...h].some((r) => r.startContainer.parentElement?.id === 'late'))`,
          ),
        { timeout: 10_000, interval: 250 },
      )
      .toBe(true);
  });

  test('a note typed by the reader in the toolbar never reaches the page', async () => {
    await open();
    const from = await inPage<{ x: number; y: number }>(
      `(() => { const r = window.__attack.rectOf('deep and practical consequences'); return { x: r.x + 1, y: r.y + r.height / 2 }; })()`,
    );
    const to = await inPage<{ x: number; y: number }>(
      `(() => { const r = window.__attack.rectOf('deep and practical consequences'); return { x: r.x + r.width - 1, y: r.y + r.height / 2 }; })()`,
    );
    const mouse = page().mouse;
    await mouse.move(from.x, from.y);
    await mouse.down();
    await mouse.move(to.x, to.y);
    await mouse.up();
    const add = await inFrame('toolbar-note');
    await mouse.click(add.x, add.y);
    const field = await inFrame('toolbar-note-text');
    await mouse.click(field.x, field.y);
    await inPage('(window.__spy.keys.length = 0, true)');
    await page().keyboard.type(NOTE);
    await expect
      .poll(() =>
        field.frame.evaluate(
          () => document.querySelector<HTMLTextAreaElement>('[data-testid="toolbar-note-text"]')!.value,
        ),
      )
      .toBe(NOTE);
    expect(await inPage<string[]>('window.__spy.keys')).toEqual([]);
    expect(await leaks()).toEqual([]);
    await saveScreenshot(page(), join(SHOTS, 'firefox-note-typed.png'));
  });

  test('a page that sabotages DOM prototypes still gets highlights and a working card', async () => {
    await page().goto(suite.server.url('/pages/hostile/sabotage.html'));
    await expect
      .poll(() => page().evaluate(highlightedTexts), { timeout: 10_000, interval: 250 })
      .toEqual(expect.arrayContaining(['Ban Ki-moon', 'UNESCO', 'General Assembly of the United Nations']));
    const at = await page().evaluate(centerOfWord, 'UNESCO');
    await page().mouse.move(at.x, at.y);
    const card = await inFrame('entity-card');
    expect(await entityOfCard(card.frame)).toBe('unesco');
    await saveScreenshot(page(), join(SHOTS, 'firefox-sabotage-card.png'));
  });
});
