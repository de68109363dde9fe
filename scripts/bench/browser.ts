/**
 * The browser side of the bench: one headless Debian Chromium (playwright-core, no downloaded
 * browser), one static server that also serves this run's generated files under /bench/,
 * harness pages with the bundled in-page code, a CDP session per page for heap readings, and
 * a hard time cap that stops a runaway in-page script (mark.js) instead of waiting for it.
 */
import { chromium, type Browser, type BrowserContext, type CDPSession, type Page } from 'playwright-core';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultMounts, startStaticServer, type StaticServer } from '../../tests/support/static-server';
import { findChromium, NO_CHROMIUM_MESSAGE } from '../../tests/support/chromium';
import { PAGE_GLOBAL } from './page-bundle';

export interface BenchBrowser {
  browser: Browser;
  context: BrowserContext;
  server: StaticServer;
  /** Where this run's generated files live (served at /bench/). */
  dir: string;
  bundle: string;
  close(): Promise<void>;
}

export async function startBenchBrowser(bundle: string): Promise<BenchBrowser> {
  const executablePath = findChromium();
  if (!executablePath) throw new Error(NO_CHROMIUM_MESSAGE);
  const dir = mkdtempSync(join(tmpdir(), 'context-lens-bench-'));
  // An interrupted run (Ctrl-C) still removes its generated files; Playwright ends the browser.
  process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
  process.once('SIGINT', () => process.exit(130));
  writeFileSync(join(dir, 'bench.js'), bundle);
  writeFileSync(
    join(dir, 'harness.html'),
    `<!doctype html><meta charset="utf-8"><title>bench harness</title><body><script src="/bench/bench.js"></script></body>`,
  );
  const server = await startStaticServer({ ...defaultMounts(), '/bench/': dir + '/' });
  const browser = await chromium.launch({
    executablePath,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  // Saved pages reference their publishers' servers: never wait for the network, only 127.0.0.1.
  await context.route('**/*', (route) =>
    route.request().url().startsWith(server.origin) ? route.continue() : route.abort(),
  );
  return {
    browser,
    context,
    server,
    dir,
    bundle,
    close: async () => {
      await browser.close();
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface BenchPage {
  page: Page;
  cdp: CDPSession;
  /** Calls BenchPage[fn](...args) in the page and returns its (awaited) result. */
  call<T>(fn: string, ...args: unknown[]): Promise<T>;
  /** Live JS heap plus ArrayBuffer backing stores after a full GC, in bytes. */
  heap(): Promise<number>;
  close(): Promise<void>;
}

async function wrap(page: Page, context: BrowserContext): Promise<BenchPage> {
  const cdp = await context.newCDPSession(page);
  return {
    page,
    cdp,
    call: <T>(fn: string, ...args: unknown[]) =>
      page.evaluate(
        ([g, f, a]) =>
          (globalThis as unknown as Record<string, Record<string, (...x: unknown[]) => unknown>>)[g]![f]!(...a),
        [PAGE_GLOBAL, fn, args] as const,
      ) as Promise<T>,
    heap: async () => {
      await cdp.send('HeapProfiler.collectGarbage');
      const u = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number; backingStorageSize?: number };
      return u.usedSize + (u.backingStorageSize ?? 0);
    },
    close: () => page.close(),
  };
}

/** A blank harness page (the target page goes into its iframe). */
export async function openHarness(b: BenchBrowser): Promise<BenchPage> {
  const page = await b.context.newPage();
  await page.goto(b.server.url('/bench/harness.html'));
  return wrap(page, b.context);
}

/** A page under test at top level, with the in-page code added after it loaded. */
export async function openTopLevel(b: BenchBrowser, path: string): Promise<BenchPage> {
  const page = await b.context.newPage();
  await page.goto(b.server.url(path), { waitUntil: 'load' });
  await page.addScriptTag({ content: b.bundle });
  return wrap(page, b.context);
}

export type Capped<T> = { value: T; timedOut: false } | { value: null; timedOut: true };

/**
 * Calls an in-page function, but stops it after capMs: Runtime.terminateExecution interrupts
 * a long synchronous script (a page.close() would wait for it). The page is then closed,
 * since whatever the script was doing is left half done.
 */
export async function callWithCap<T>(p: BenchPage, capMs: number, fn: string, ...args: unknown[]): Promise<Capped<T>> {
  const TIMEOUT = Symbol('timeout');
  let timer: NodeJS.Timeout | undefined;
  const capped = new Promise<typeof TIMEOUT>((ok) => (timer = setTimeout(() => ok(TIMEOUT), capMs)));
  const running = p.call<T>(fn, ...args);
  const first = await Promise.race([running, capped]);
  clearTimeout(timer);
  if (first !== TIMEOUT) return { value: first, timedOut: false };
  await p.cdp.send('Runtime.terminateExecution').catch(() => undefined);
  await Promise.race([running.catch(() => undefined), new Promise((ok) => setTimeout(ok, 10_000))]);
  await Promise.race([p.close().catch(() => undefined), new Promise((ok) => setTimeout(ok, 10_000))]);
  return { value: null, timedOut: true };
}
