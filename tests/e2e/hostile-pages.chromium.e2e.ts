/**
 * Generated hostile pages (a 5 MB text node, 2,300 shadow roots, shadow roots nested 150 deep,
 * 200,000 text nodes, a page that sabotages the prototypes of everything; the page that rewrites
 * itself is soak.chromium.e2e.ts): on each the names are highlighted, a
 * note is saved and placed again after a reload, nothing is thrown, and the extension adds no
 * task over 50 ms. Long tasks are recorded by the page's own long-task observer, once with the
 * extension and once in a plain Chromium without it: where the page alone has no long task, it
 * must have none with the extension either (see the note above the suite). The scan's own
 * measure of its longest task (longestTaskMs, exact) is asserted on every page.
 */
import { describe, expect, test, beforeAll, afterAll } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import { findChromium, pageStatus, sendToTab } from '../support/chromium';
import { useExtensionSuite } from '../support/extension-suite';
import { mountPages } from '../support/static-server';
import { inUi } from '../support/ui-frame';
import { selectText } from '../support/selection';
import { waitUntil } from '../support/wait';

const SENTENCES = [
  'The Secretary-General of the United Nations, Ban Ki-moon, addressed the General Assembly.',
  'UNICEF and the World Health Organization worked with UNHCR in Syria and Lebanon.',
  'The Alliance of Civilizations met in Shanghai with UNESCO and the World Food Programme.',
];
/** How long past the end of the scan the page's long tasks are observed (measured, not waited on). */
const AFTER_SCAN_MS = 1000;
/** The passage each test saves a note on: in the light DOM, near the top. */
const PASSAGE = 'a passage worth a note';

/**
 * The page's own long-task observer, first thing in <head>. It writes the durations on the root
 * element with functions taken before the sabotage page breaks its prototypes, and the test
 * reads the attribute through a locator (Playwright's own world).
 */
const LONG_TASKS = `<script>(() => { const root = document.documentElement; const set = Element.prototype.setAttribute; let all = '';
new PerformanceObserver((list) => { for (const e of list.getEntries()) { all += (all ? ',' : '') + Math.round(e.duration); set.call(root, 'data-long-tasks', all); } })
  .observe({ type: 'longtask', buffered: true }); })();</script>`;

function page(body: string, script = ''): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>hostile page</title>${LONG_TASKS}</head>
<body><h1>Hostile page</h1><p id="note-here">Here is ${PASSAGE}, about UNICEF.</p>${body}${script ? `<script>${script}</script>` : ''}</body></html>`;
}

const PAGES: Record<string, string> = {
  // One text node of 5 MB.
  'big-node.html': page(
    `<p id="big">${(SENTENCES.join(' ') + ' Lorem ipsum dolor sit amet. ').repeat(Math.ceil(5_000_000 / 280))}</p>`,
  ),
  // 2,300 custom elements, each with an open shadow root holding a paragraph.
  'shadow-roots.html': page(
    '<div id="hosts"></div>',
    `const hosts = document.getElementById('hosts'); const s = ${JSON.stringify(SENTENCES)};
     for (let i = 0; i < 2300; i++) { const h = document.createElement('x-card'); h.attachShadow({ mode: 'open' }).innerHTML = '<p>' + i + ': ' + s[i % 3] + '</p>'; hosts.appendChild(h); }`,
  ),
  // 200,000 text nodes in one paragraph, built by the page's script.
  'many-nodes.html': page(
    '<p id="many"></p>',
    `const p = document.getElementById('many'); const f = document.createDocumentFragment();
     for (let i = 0; i < 200000; i++) f.appendChild(document.createTextNode(i % 1000 === 0 ? ' UNICEF ' : 'x'));
     p.appendChild(f);`,
  ),
  // Shadow roots nested 150 deep, a name at the bottom.
  'deep-shadow.html': page(
    '<div id="outer"></div>',
    `let at = document.getElementById('outer');
     for (let i = 0; i < 150; i++) { const h = document.createElement('x-nest'); at.appendChild(h); at = h.attachShadow({ mode: 'open' }); }
     at.innerHTML = '<p>${SENTENCES[1]}</p>';`,
  ),
  // The page breaks the builtins and DOM prototypes in its own world before we run.
  'sabotage.html': page(
    SENTENCES.map((s) => `<p>${s}</p>`).join(''),
    `const boom = (name) => function () { throw new Error('page broke ' + name); };
     for (const [proto, names] of [
       [Array.prototype, ['push', 'map', 'filter', 'slice', 'sort', 'join', 'indexOf', 'includes', 'forEach']],
       [String.prototype, ['slice', 'indexOf', 'toLowerCase', 'normalize', 'replace', 'split', 'trim']],
       [Map.prototype, ['get', 'set', 'has']], [Set.prototype, ['add', 'has']],
       [Node.prototype, ['appendChild', 'contains', 'compareDocumentPosition']],
       [Element.prototype, ['getAttribute', 'closest', 'attachShadow', 'getBoundingClientRect']],
       [EventTarget.prototype, ['addEventListener', 'dispatchEvent']],
       [Document.prototype, ['createTreeWalker', 'createElement', 'getSelection']],
     ]) for (const n of names) { try { Object.defineProperty(proto, n, { value: boom(n) }); } catch {} }
     JSON.stringify = boom('JSON.stringify'); JSON.parse = boom('JSON.parse');
     window.Promise = function () { throw new Error('page broke Promise'); };
     window.MutationObserver = boom('MutationObserver'); window.requestAnimationFrame = boom('raf');
     window.setTimeout = boom('setTimeout'); window.postMessage = boom('postMessage');`,
  ),
};

/**
 * The observer comparison can tell our tasks from the browser's only where the page's own
 * rendering has no long task without the extension. Where it has (a 5 MB text node, 200,000
 * nodes in one paragraph), every repaint after highlights are registered is long too: 53-145 ms
 * tasks with no script of ours in them (DevTools trace), while the page's own layouts take
 * 150-800 ms. There the comparison is logged, not asserted; the scan's own tasks (longestTaskMs)
 * are asserted on every page.
 */
describe('generated hostile pages in Chromium', () => {
  const suite = useExtensionSuite({
    mounts: () => mountPages('/hostile-pages/', PAGES),
  });
  let plain: Browser;
  beforeAll(async () => {
    plain = await chromium.launch({ executablePath: findChromium()!, args: ['--no-sandbox', '--disable-gpu'] });
    // A fresh browser's first page pays its cold start (code caches, JIT) once: not a page's cost.
    // With the extension the warm-up ends when the page is scanned (the dataset installed, the
    // engine compiled); without, when the page is loaded and painted (a screenshot waits for a
    // painted frame, and this page breaks requestAnimationFrame in its own world).
    const warm = await suite.browser.context.newPage();
    await warm.goto(suite.server.url('/hostile-pages/sabotage.html'));
    await waitUntil(
      'the warm-up page is scanned',
      async () => (await pageStatus(suite.browser.context, warm))?.scanned,
      { timeoutMs: 60_000 },
    );
    await warm.close();
    const cold = await plain.newPage();
    await cold.goto(suite.server.url('/hostile-pages/sabotage.html'));
    await cold.screenshot();
    await cold.close();
  });
  afterAll(async () => {
    await plain?.close();
  });

  /** The long tasks (ms) the page's own observer recorded so far. */
  async function longTasks(p: Page): Promise<number[]> {
    const all = (await p.locator('html').getAttribute('data-long-tasks')) ?? '';
    return all ? all.split(',').map(Number) : [];
  }

  /**
   * The page's own long tasks, without the extension. A heavy page's own layout crosses 50 ms
   * in some loads and not in others (200,000 text nodes: 0–290 ms), so it is loaded up to three
   * times: one load with a long task of its own is enough to say the page has them.
   */
  async function withoutExtension(path: string, windowMs: number): Promise<number[]> {
    for (let load = 0; load < 3; load++) {
      const p = await plain.newPage({ viewport: { width: 1200, height: 900 } });
      await p.goto(suite.server.url(path), { timeout: 60_000 });
      // A measurement window, not a wait for anything: the page's long tasks over as long as the
      // run with the extension was observed.
      await p.waitForTimeout(windowMs);
      const tasks = await longTasks(p);
      await p.close();
      if (tasks.length) return tasks;
    }
    return [];
  }

  async function saveNote(p: Page, body: string): Promise<void> {
    await selectText(p, PASSAGE);
    await (await inUi(p, 'toolbar-note')).click();
    await (await inUi(p, 'toolbar-note-text')).fill(body);
    await (await inUi(p, 'toolbar-save')).click();
    await expect.poll(async () => (await inUi(p, 'toolbar-message')).textContent(), { timeout: 20_000 }).toBe('Saved');
  }

  for (const [name, minMentions] of [
    ['big-node.html', 20_000],
    ['many-nodes.html', 200],
    ['shadow-roots.html', 2_300],
    ['deep-shadow.html', 3],
    ['sabotage.html', 8],
  ] as const) {
    test(`${name}: highlighted, a note saved and placed again, no error, no extension task over 50 ms`, async () => {
      const path = `/hostile-pages/${name}`;
      const p = await suite.browser.context.newPage();
      const errors: string[] = [];
      p.on('pageerror', (e) => errors.push(e.message));
      const t0 = Date.now();
      await p.goto(suite.server.url(path), { timeout: 60_000 });
      await expect
        .poll(async () => (await pageStatus(suite.browser.context, p))?.scanned, { timeout: 60_000, interval: 250 })
        .toBe(true);
      const status = (await pageStatus(suite.browser.context, p))!;
      expect(status.mentions).toBeGreaterThanOrEqual(minMentions);
      expect(status.longestTaskMs).toBeLessThan(50);
      // A measurement window, not a wait for anything: the page's long tasks are observed for a
      // second past the scan (the repaints of the highlights fall in it), and the page without
      // the extension for as long in all.
      const windowMs = Date.now() - t0 + AFTER_SCAN_MS;
      await p.waitForTimeout(AFTER_SCAN_MS);
      const ours = await longTasks(p);
      const theirs = await withoutExtension(path, windowMs);
      console.log(
        `${name}: ${status.mentions} mentions, scan's longest task ${status.longestTaskMs.toFixed(0)} ms; long tasks with ${JSON.stringify(ours)}, without ${JSON.stringify(theirs)}`,
      );
      if (theirs.length === 0) expect(ours).toEqual([]);

      // Save: a note, and the page itself; then the note comes back after a reload.
      await saveNote(p, `note on ${name}`);
      expect(await sendToTab(suite.browser.context, p, { type: 'page:save', payload: {} })).toEqual({ ok: true });
      await p.reload({ timeout: 60_000 });
      await expect
        .poll(
          async () =>
            (await sendToTab(suite.browser.context, p, { type: 'annotations:status', payload: {} })) as {
              placed: number;
              orphans: unknown[];
            } | null,
          { timeout: 30_000 },
        )
        .toMatchObject({ placed: 1, orphans: [] });
      const after = await longTasks(p);
      console.log(`${name}: after save and reload, long tasks ${JSON.stringify(after)}`);
      if (theirs.length === 0) expect(after).toEqual([]);
      expect(errors.filter((e) => !/page broke/.test(e))).toEqual([]);
      await p.close();
    }, 180_000);
  }
});
