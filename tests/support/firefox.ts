/**
 * Debian's Firefox (ESR) headless on a throw-away profile, driven by puppeteer-core over WebDriver
 * BiDi (no geckodriver), with the built extension installed as a temporary add-on (works unsigned).
 * puppeteer makes and removes the profile, and kills the browser if the test process dies.
 *
 * Extension pages (popup, library): Firefox 153 lets WebDriver navigate only to http(s), file,
 * blob and about:blank unless it runs with `--remote-allow-system-access`. `extensionPages: true`
 * adds that flag; suites about what a hostile page can do leave it off, so they run Firefox as a
 * reader does. puppeteer itself always runs Firefox with one web-content process (it sets
 * `fission.webContentIsolationStrategy` to 0, for its mouse input), which no option undoes.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { dirname, join, resolve } from 'node:path';
import puppeteer, { type Browser, type Frame, type Page } from 'puppeteer-core';
import { REPO_ROOT } from './static-server';

export const FIREFOX_BUILD = join(REPO_ROOT, '.output/firefox-mv2');

const CANDIDATES = ['/usr/bin/firefox-esr', '/usr/bin/firefox'];

/** The Firefox to use: $FIREFOX_PATH, else the first one installed. */
export function findFirefox(): string | null {
  const fromEnv = process.env.FIREFOX_PATH;
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : null;
  return CANDIDATES.find((p) => existsSync(p)) ?? null;
}

export const NO_FIREFOX_MESSAGE =
  'No Firefox found. Install one (Debian/Ubuntu: `sudo apt-get install firefox-esr`) ' +
  'or point FIREFOX_PATH at a Firefox binary (128 or newer, with WebDriver BiDi).';

/**
 * Keeps the browser offline and quiet, beyond what puppeteer's own profile already turns off
 * (updates, safe browsing, first-run pages): no telemetry, studies, region or network probes.
 */
const PREFS: Record<string, string | number | boolean> = {
  'app.normandy.enabled': false,
  'app.update.auto': false,
  'app.shield.optoutstudies.enabled': false,
  'browser.aboutwelcome.enabled': false,
  'browser.backup.enabled': false,
  'browser.backup.scheduled.enabled': false,
  'browser.newtabpage.activity-stream.feeds.telemetry': false,
  'browser.newtabpage.activity-stream.telemetry': false,
  'browser.ping-centre.telemetry': false,
  'browser.region.network.url': '',
  'browser.region.update.enabled': false,
  'browser.tabs.warnOnClose': false,
  'browser.translations.enable': false,
  'datareporting.policy.firstRunURL': '',
  'extensions.blocklist.enabled': false,
  'extensions.systemAddon.update.enabled': false,
  'extensions.update.autoUpdateDefault': false,
  'geo.provider.network.url': '',
  'identity.fxaccounts.enabled': false,
  'messaging-system.rsexperimentloader.enabled': false,
  'network.captive-portal-service.enabled': false,
  'network.connectivity-service.enabled': false,
  'network.dns.disablePrefetch': true,
  'network.prefetch-next': false,
  'toolkit.telemetry.archive.enabled': false,
  'toolkit.telemetry.enabled': false,
  'toolkit.telemetry.server': '',
  'toolkit.telemetry.unified': false,
};

/** Saves every download to `dir` at once, without asking. */
const downloadPrefs = (dir: string) => ({
  'browser.download.dir': dir,
  'browser.download.folderList': 2,
  'browser.download.useDownloadDir': true,
  'browser.download.always_ask_before_handling_new_types': false,
  'browser.download.alwaysOpenPanel': false,
  'browser.download.manager.showWhenStarting': false,
});

const VIEWPORT = { width: 1200, height: 900 };

export interface FirefoxWithExtension {
  browser: Browser;
  /** The tab the tests act on unless they open another (see openTab). */
  page: Page;
  /** The add-on id Firefox reported for the installed extension. */
  addonId: string;
  /** `moz-extension://UUID` of the add-on (the UUID is pinned through `extensions.webextensions.uuids`). */
  extensionOrigin: string;
  /** Loads one of the extension's pages, e.g. `/popup.html?tab=2`, in `page` (needs `extensionPages`). */
  openExtensionPage(path: string, page?: Page): Promise<void>;
  /** Opens a tab of this size. */
  openTab(viewport?: { width: number; height: number }): Promise<Page>;
  close(): Promise<void>;
}

export interface LaunchOptions {
  extensionPath?: string;
  /** Lets WebDriver open the extension's own pages (adds `--remote-allow-system-access`). */
  extensionPages?: boolean;
  /** Saves downloads to this folder at once, without asking. */
  downloadDir?: string;
}

export async function launchFirefoxWithExtension(options: LaunchOptions = {}): Promise<FirefoxWithExtension> {
  const executablePath = findFirefox();
  if (!executablePath) throw new Error(NO_FIREFOX_MESSAGE);
  const ext = resolve(options.extensionPath ?? FIREFOX_BUILD);
  const manifestFile = join(ext, 'manifest.json');
  if (!existsSync(manifestFile)) {
    throw new Error(`No built extension at ${ext}: run \`npm run build:firefox\` first.`);
  }
  const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as {
    browser_specific_settings?: { gecko?: { id?: string } };
  };
  const geckoId = manifest.browser_specific_settings?.gecko?.id;
  if (!geckoId) throw new Error(`${manifestFile} has no browser_specific_settings.gecko.id`);
  // Firefox gives each install a random UUID for its origin; pinning it tells the tests up front.
  const uuid = randomUUID();

  const browser = await puppeteer.launch({
    browser: 'firefox',
    protocol: 'webDriverBiDi',
    executablePath,
    headless: true,
    args: options.extensionPages ? ['--remote-allow-system-access'] : [],
    extraPrefsFirefox: {
      ...PREFS,
      ...(options.downloadDir ? downloadPrefs(options.downloadDir) : {}),
      'extensions.webextensions.uuids': JSON.stringify({ [geckoId]: uuid }),
    },
    env: { ...process.env, MOZ_CRASHREPORTER_DISABLE: '1', MOZ_DISABLE_AUTO_SAFE_MODE: '1' },
    defaultViewport: VIEWPORT,
  });
  try {
    const addonId = await browser.installExtension(ext);
    const page = (await browser.pages())[0] ?? (await browser.newPage());
    await page.setViewport(VIEWPORT);
    const extensionOrigin = `moz-extension://${uuid}`;
    return {
      browser,
      page,
      addonId,
      extensionOrigin,
      async openExtensionPage(path, target = page) {
        if (!options.extensionPages)
          throw new Error("launch Firefox with `extensionPages: true` to open the extension's pages");
        await loadWithoutGoto(target, `${extensionOrigin}${path}`);
      },
      async openTab(viewport = VIEWPORT) {
        const tab = await browser.newPage();
        await tab.setViewport(viewport);
        return tab;
      },
      close: () => browser.close(),
    };
  } catch (error) {
    await browser.close();
    throw error;
  }
}

const LOAD_TIMEOUT_MS = 30_000;

/**
 * `page.goto` to a moz-extension:// URL never settles, though Firefox loads the page
 * (puppeteer#14314), and `page.url()` stays stale after it. So the navigation starts unawaited
 * and the page's own `location` says when it has loaded. The goto promise rejects later ("Frame
 * detached") when its tab closes, hence the catch; a load that fails shows as the wait timing out.
 */
async function loadWithoutGoto(page: Page, url: string): Promise<void> {
  page.goto(url).catch(() => undefined);
  const deadline = Date.now() + LOAD_TIMEOUT_MS;
  for (;;) {
    try {
      await page.waitForFunction(
        (href) => location.href === href && document.readyState === 'complete',
        {
          timeout: Math.max(1, deadline - Date.now()),
        },
        url,
      );
      return;
    } catch (error) {
      // The navigation can replace the document the wait polls in, which ends the wait at once
      // ("Waiting failed", seen in CI once): wait again, in the new document, until the deadline.
      if (Date.now() >= deadline) throw error;
      await new Promise((next) => setTimeout(next, 50));
    }
  }
}

/**
 * Evaluates `expression` in the own world of a tab or frame (promises are awaited) and returns
 * its value, typed as the caller expects: for expressions too long to read as a function.
 */
export function evaluate<T>(target: Page | Frame, expression: string): Promise<T> {
  return target.evaluate(expression) as Promise<T>;
}

/** Saves a PNG of the tab's viewport. */
export async function saveScreenshot(page: Page, path: string): Promise<void> {
  mkdirSync(dirname(path), { recursive: true });
  await page.screenshot({ path: path as `${string}.png` });
}
