/**
 * Starts Debian's Chromium with the built extension loaded (playwright-core, no downloaded browser).
 */
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from './static-server';
import type { ContentReplies } from '../../lib/protocol';

export const CHROME_BUILD = join(REPO_ROOT, '.output/chrome-mv3');

const CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
];

/** The Chromium to use: $CHROMIUM_PATH, else the first one installed. */
export function findChromium(): string | null {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : null;
  return CANDIDATES.find((p) => existsSync(p)) ?? null;
}

export const NO_CHROMIUM_MESSAGE =
  'No Chromium found. Install one (Debian/Ubuntu: `sudo apt-get install chromium`) ' +
  'or point CHROMIUM_PATH at a Chromium or Chrome binary.';

/** How every test and bench Chromium runs: quiet (no network of its own, no updates, no first-run UI). */
export const CHROMIUM_FLAGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--no-default-browser-check',
];

export interface ExtensionBrowser {
  context: BrowserContext;
  extensionId: string;
  close(): Promise<void>;
}

export async function launchWithExtension(
  options: { headless?: boolean; extensionPath?: string; locale?: string; extraArgs?: readonly string[] } = {},
): Promise<ExtensionBrowser> {
  const executablePath = findChromium();
  if (!executablePath) throw new Error(NO_CHROMIUM_MESSAGE);
  const ext = options.extensionPath ?? CHROME_BUILD;
  if (!existsSync(join(ext, 'manifest.json'))) {
    throw new Error(`No built extension at ${ext}: run \`npm run build\` first.`);
  }
  const profile = mkdtempSync(join(tmpdir(), 'context-lens-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: options.headless ?? true,
    locale: options.locale ?? 'en-US',
    viewport: { width: 1200, height: 900 },
    args: [
      `--disable-extensions-except=${ext}`,
      `--load-extension=${ext}`,
      ...CHROMIUM_FLAGS,
      ...(options.locale ? [`--lang=${options.locale}`] : []),
      ...(options.extraArgs ?? []),
    ],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 20_000 }));
  const extensionId = new URL(worker.url()).host;
  return {
    context,
    extensionId,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/**
 * The id of the tab showing `page`. The extension has no "tabs" permission, so tab URLs are hidden
 * from it: bring the page to the front and ask for the active tab instead.
 */
export async function tabIdOf(context: BrowserContext, page: Page): Promise<number> {
  const worker = context.serviceWorkers()[0];
  if (!worker) throw new Error('extension service worker not running');
  await page.bringToFront();
  const id = await worker.evaluate(async () => {
    // Runs in the service worker, where `chrome` exists.
    const api = (globalThis as unknown as { chrome: typeof import('wxt/browser').browser }).chrome;
    const [tab] = await api.tabs.query({ active: true, lastFocusedWindow: true });
    return tab?.id ?? null;
  });
  if (id === null) throw new Error(`no active tab for ${page.url()}`);
  return id;
}

/** Stores a setting the way the extension does (storage.local), or removes it with `null`. */
export async function setStoredSetting(context: BrowserContext, key: string, value: unknown): Promise<void> {
  const worker = context.serviceWorkers()[0];
  if (!worker) throw new Error('extension service worker not running');
  await worker.evaluate(
    async ([k, v]) => {
      const api = (globalThis as unknown as { chrome: typeof import('wxt/browser').browser }).chrome;
      if (v === null) await api.storage.local.remove(k as string);
      else await api.storage.local.set({ [k as string]: v });
    },
    [key, value] as const,
  );
}

/** Sends a message to the top frame's content script of the tab showing `page`, as a keyboard command would. */
export async function sendToTab(
  context: BrowserContext,
  page: Page,
  message: { type: string; payload: Record<string, unknown> },
): Promise<unknown> {
  const tabId = await tabIdOf(context, page);
  return context.serviceWorkers()[0]!.evaluate(
    async ([id, m]) => {
      const api = (globalThis as unknown as { chrome: typeof import('wxt/browser').browser }).chrome;
      return api.tabs.sendMessage(id as number, m, { frameId: 0 });
    },
    [tabId, message] as const,
  );
}

/** Asks the content script of the tab showing `page` for its status (null when none answers). */
export async function pageStatus(context: BrowserContext, page: Page): Promise<ContentReplies['page:status'] | null> {
  return (
    ((await sendToTab(context, page, { type: 'page:status', payload: {} }).catch(() => null)) as
      ContentReplies['page:status'] | undefined) ?? null
  );
}

/**
 * The reader's library as stored (pages, annotations, tags, packs and their chunks), as one JSON
 * string: a test compares it before and after, byte for byte.
 */
export async function dumpLibrary(context: BrowserContext): Promise<string> {
  const worker = context.serviceWorkers()[0];
  if (!worker) throw new Error('extension service worker not running');
  return worker.evaluate(async () => {
    const stores = ['pages', 'annotations', 'tags', 'packs', 'packChunks'];
    // Opens the extension's database without ever creating it: on a fresh profile the worker may
    // not have made it yet, and an empty database held open here would block the worker's upgrade.
    const openExisting = () =>
      new Promise<IDBDatabase | null>((resolve) => {
        const open = indexedDB.open('context-lens');
        open.onupgradeneeded = () => open.transaction!.abort();
        open.onsuccess = () => {
          const db = open.result;
          if (stores.every((name) => db.objectStoreNames.contains(name))) return resolve(db);
          db.close();
          resolve(null);
        };
        open.onerror = () => resolve(null);
      });
    let found = await openExisting();
    for (let tries = 0; !found && tries < 200; tries++) {
      await new Promise((wake) => setTimeout(wake, 100));
      found = await openExisting();
    }
    if (!found) throw new Error('the extension never created its database');
    const db = found;
    const out: Record<string, unknown[]> = {};
    try {
      for (const name of stores) {
        out[name] = await new Promise<unknown[]>((resolve, reject) => {
          const request = db.transaction(name).objectStore(name).getAll();
          request.onsuccess = () => resolve(request.result as unknown[]);
          request.onerror = () => reject(request.error);
        });
      }
    } finally {
      db.close();
    }
    return JSON.stringify(out);
  });
}
