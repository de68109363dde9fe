/**
 * Issue 13 in Firefox (the build that ships): the attacks of the Chromium suite that matter most
 * here, from the page's own world. In Firefox the extension's origin is a per-install UUID, the
 * same on every site: it must never reach the page, and the matcher must not be fetchable with it.
 */
import { describe, expect, test } from 'vitest';
import { join } from 'node:path';
import { useFirefoxSuite } from '../support/firefox-suite';
import { centerOfWord, highlightedTexts } from '../support/sabotage-probes';
import { caughtUpIn } from '../support/caught-up';
import { REPO_ROOT } from '../support/static-server';

const SHOTS = join(REPO_ROOT, 'artifacts/e2e/hostile');
const ARTICLE = '/pages/hostile/article.html';
const NOTE = 'Zqxv private remark 7391';

describe('a hostile page in Firefox', () => {
  const suite = useFirefoxSuite();

  const uuid = () => new URL(suite.firefox.extensionOrigin).host;
  const leaks = () =>
    suite.firefox.evaluate<string[]>(`window.__attack.find(${JSON.stringify(['moz-extension', uuid(), NOTE])})`);
  const uiFrames = async () =>
    (await suite.firefox.frames()).filter((f) => f.url.startsWith(`${suite.firefox.extensionOrigin}/ui-frame.html`));

  async function open(): Promise<void> {
    await suite.firefox.navigate(suite.server.url(ARTICLE));
    await expect
      .poll(() => suite.firefox.evaluate<number>('CSS.highlights.size'), { timeout: 10_000, interval: 250 })
      .toBeGreaterThan(0);
  }

  async function centerOf(needle: string): Promise<{ x: number; y: number }> {
    const r = await suite.firefox.evaluate<{ x: number; y: number; width: number; height: number }>(
      `window.__attack.rectOf(${JSON.stringify(needle)})`,
    );
    return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
  }

  /** Where a test id of the UI frame is, in the tab's viewport. */
  async function inFrame(testId: string): Promise<{ context: string; x: number; y: number }> {
    let found: { context: string; x: number; y: number } | null = null;
    await expect
      .poll(
        async () => {
          for (const frame of await uiFrames()) {
            const at = await suite.firefox.evaluateIn<{ x: number; y: number } | null>(
              frame.context,
              `(() => { const b = document.querySelector('[data-testid="${testId}"]')?.getBoundingClientRect(); return b && b.width ? { x: b.x + b.width / 2, y: b.y + b.height / 2 } : null; })()`,
            );
            if (!at) continue;
            // The frame's place in the page, from the host the page can see (and only that).
            const host = await suite.firefox.evaluate<{ x: number; y: number }>(
              `(() => { const b = document.body.lastElementChild.getBoundingClientRect(); return { x: b.x, y: b.y }; })()`,
            );
            found = { context: frame.context, x: host.x + at.x, y: host.y + at.y };
            return true;
          }
          return false;
        },
        { timeout: 10_000, interval: 200 },
      )
      .toBe(true);
    return found!;
  }

  test('made-up events open nothing; the reader hovering opens the card, and the page learns nothing', async () => {
    await open();
    const before = await suite.firefox.evaluate<number>('document.body.children.length');
    await suite.firefox.evaluate(
      `(window.__attack.fakeHover('Ban Ki-moon'), window.__attack.fakeSelect('deep and practical consequences'), true)`,
    );
    await caughtUpIn((expression) => suite.firefox.evaluate(expression)); // past the hover delay: nothing may have come
    expect(await uiFrames()).toHaveLength(0);
    expect(await suite.firefox.evaluate<number>('document.body.children.length')).toBe(before);

    await suite.firefox.pointer([{ move: await centerOf('UNESCO') }]);
    const card = await inFrame('entity-card');
    expect(
      await suite.firefox.evaluateIn<string>(
        card.context,
        `document.querySelector('[data-testid="entity-card"]').dataset.entity`,
      ),
    ).toBe('unesco');
    expect(await suite.firefox.evaluate<boolean>('document.body.lastElementChild.shadowRoot === null')).toBe(true);
    expect(await leaks()).toEqual([]);
    expect(await suite.firefox.evaluate<string[]>('window.__spy.messages')).toEqual([]);
    await suite.firefox.screenshot(join(SHOTS, 'firefox-card.png'));
  });

  test('the page cannot fetch the matcher with the UUID, nor switch the extension off', async () => {
    await open();
    const fetched = await suite.firefox.evaluate<string[]>(
      `window.__attack.fetchOurs(${JSON.stringify(suite.firefox.extensionOrigin)})`,
    );
    expect(fetched).toContain('/data/matcher.bin: refused');
    expect(fetched).toContain('/manifest.json: refused');
    expect(fetched).toContain('/library.html: refused');
    await suite.firefox.evaluate(`(window.__attack.forgeStarted(${JSON.stringify(suite.firefox.addonId)}), true)`);
    await suite.firefox.evaluate(
      `(document.getElementById('late').textContent = 'Later, the World Health Organization spoke.', true)`,
    );
    await expect
      .poll(
        () =>
          suite.firefox.evaluate<boolean>(
            `[...CSS.highlights.values()].some((h) => [...h].some((r) => r.startContainer.parentElement?.id === 'late'))`,
          ),
        { timeout: 10_000, interval: 250 },
      )
      .toBe(true);
  });

  test('a note typed by the reader in the toolbar never reaches the page', async () => {
    await open();
    const from = await suite.firefox.evaluate<{ x: number; y: number }>(
      `(() => { const r = window.__attack.rectOf('deep and practical consequences'); return { x: r.x + 1, y: r.y + r.height / 2 }; })()`,
    );
    const to = await suite.firefox.evaluate<{ x: number; y: number }>(
      `(() => { const r = window.__attack.rectOf('deep and practical consequences'); return { x: r.x + r.width - 1, y: r.y + r.height / 2 }; })()`,
    );
    await suite.firefox.pointer([{ move: from }, { down: true }, { move: to }, { up: true }]);
    const add = await inFrame('toolbar-note');
    await suite.firefox.pointer([{ move: add }, { down: true }, { up: true }]);
    const field = await inFrame('toolbar-note-text');
    await suite.firefox.pointer([{ move: field }, { down: true }, { up: true }]);
    await suite.firefox.evaluate('(window.__spy.keys.length = 0, true)');
    await suite.firefox.type(NOTE);
    await expect
      .poll(() =>
        suite.firefox.evaluateIn<string>(
          field.context,
          `document.querySelector('[data-testid="toolbar-note-text"]').value`,
        ),
      )
      .toBe(NOTE);
    expect(await suite.firefox.evaluate<string[]>('window.__spy.keys')).toEqual([]);
    expect(await leaks()).toEqual([]);
    await suite.firefox.screenshot(join(SHOTS, 'firefox-note-typed.png'));
  });

  test('a page that sabotages DOM prototypes still gets highlights and a working card', async () => {
    await suite.firefox.navigate(suite.server.url('/pages/hostile/sabotage.html'));
    await expect
      .poll(() => suite.firefox.evaluate<string[]>(`(${highlightedTexts})()`), { timeout: 10_000, interval: 250 })
      .toEqual(expect.arrayContaining(['Ban Ki-moon', 'UNESCO', 'General Assembly of the United Nations']));
    const at = await suite.firefox.evaluate<{ x: number; y: number }>(`(${centerOfWord})('UNESCO')`);
    await suite.firefox.pointer([{ move: at }]);
    const card = await inFrame('entity-card');
    expect(
      await suite.firefox.evaluateIn<string>(
        card.context,
        `document.querySelector('[data-testid="entity-card"]').dataset.entity`,
      ),
    ).toBe('unesco');
    await suite.firefox.screenshot(join(SHOTS, 'firefox-sabotage-card.png'));
  });
});
