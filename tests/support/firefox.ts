/**
 * Starts Debian's Firefox (ESR) headless on a throw-away profile and drives it over WebDriver BiDi,
 * with the built extension installed as a temporary add-on (works unsigned). No geckodriver.
 *
 * Extension pages (popup, library): since Firefox 153, WebDriver may navigate only to http(s),
 * file, blob and about:blank unless Firefox runs with `--remote-allow-system-access`; with it,
 * `browsingContext.navigate` to moz-extension:// works and waits for the load as for any page
 * (checked on 153.8.0esr). `extensionPages: true` adds that flag; suites about what a hostile
 * page can do leave it off, so they run Firefox exactly as a reader does.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { BidiClient, deserialize, type ContextNode } from './bidi-client';
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

/** Keeps the browser offline and quiet: no telemetry, updates, first-run pages or remote settings. */
const PREFS: Record<string, string | number | boolean> = {
  'app.update.disabledForTesting': true,
  'app.update.auto': false,
  'app.normandy.enabled': false,
  'app.shield.optoutstudies.enabled': false,
  'browser.aboutwelcome.enabled': false,
  'browser.backup.enabled': false,
  'browser.backup.scheduled.enabled': false,
  'browser.newtabpage.enabled': false,
  'browser.newtabpage.activity-stream.feeds.telemetry': false,
  'browser.newtabpage.activity-stream.telemetry': false,
  'browser.ping-centre.telemetry': false,
  'browser.region.network.url': '',
  'browser.region.update.enabled': false,
  'browser.safebrowsing.blockedURIs.enabled': false,
  'browser.safebrowsing.downloads.enabled': false,
  'browser.safebrowsing.malware.enabled': false,
  'browser.safebrowsing.phishing.enabled': false,
  'browser.search.update': false,
  'browser.sessionstore.resume_from_crash': false,
  'browser.shell.checkDefaultBrowser': false,
  'browser.startup.homepage': 'about:blank',
  'browser.startup.homepage_override.mstone': 'ignore',
  'browser.startup.page': 0,
  'browser.tabs.warnOnClose': false,
  'browser.translations.enable': false,
  'browser.warnOnQuit': false,
  'datareporting.healthreport.uploadEnabled': false,
  'datareporting.policy.dataSubmissionEnabled': false,
  'datareporting.policy.firstRunURL': '',
  'extensions.blocklist.enabled': false,
  'extensions.getAddons.cache.enabled': false,
  'extensions.systemAddon.update.enabled': false,
  'extensions.update.autoUpdateDefault': false,
  'extensions.update.enabled': false,
  'geo.provider.network.url': '',
  'identity.fxaccounts.enabled': false,
  'media.gmp-manager.updateEnabled': false,
  'messaging-system.rsexperimentloader.enabled': false,
  'network.captive-portal-service.enabled': false,
  'network.connectivity-service.enabled': false,
  'network.dns.disablePrefetch': true,
  'network.http.speculative-parallel-limit': 0,
  'network.prefetch-next': false,
  'services.settings.server': 'data:,#remote-settings-dummy/v1',
  'signon.rememberSignons': false,
  'startup.homepage_welcome_url': 'about:blank',
  'startup.homepage_welcome_url.additional': '',
  'toolkit.startup.max_resumed_crashes': -1,
  'toolkit.telemetry.archive.enabled': false,
  'toolkit.telemetry.enabled': false,
  'toolkit.telemetry.server': '',
  'toolkit.telemetry.unified': false,
};

export interface FirefoxWithExtension {
  /** The add-on id BiDi reported for the installed extension. */
  addonId: string;
  /** `moz-extension://UUID` of the add-on (the UUID is pinned through `extensions.webextensions.uuids`). */
  extensionOrigin: string;
  /** The browsing context (tab) every call below acts on unless given another (see openTab). */
  context: string;
  client: BidiClient;
  navigate(url: string, context?: string): Promise<void>;
  /** Loads one of the extension's pages, e.g. `/popup.html?tab=2` (needs `extensionPages`). */
  openExtensionPage(path: string, context?: string): Promise<void>;
  /** Opens a tab of this size and returns its browsing context. */
  openTab(viewport?: { width: number; height: number }): Promise<string>;
  closeTab(context: string): Promise<void>;
  /** Evaluates `expression` in the page's own world (promises are awaited) and returns its value. */
  evaluate<T>(expression: string): Promise<T>;
  /** Evaluates in another browsing context (a frame), e.g. one of `frames()`. */
  evaluateIn<T>(context: string, expression: string): Promise<T>;
  /** The tab's frames, at any depth, with their URLs. */
  frames(): Promise<{ context: string; url: string }[]>;
  /** The reader's own (trusted) pointer: move, press and release, in viewport pixels. */
  pointer(
    steps: ({ move: { x: number; y: number } } | { down: true } | { up: true })[],
    context?: string,
  ): Promise<void>;
  /** The reader's own keystrokes, to whatever has focus. */
  type(text: string, context?: string): Promise<void>;
  /** Saves a PNG of the viewport. */
  screenshot(path: string, context?: string): Promise<void>;
  close(): Promise<void>;
}

export interface LaunchOptions {
  extensionPath?: string;
  startupTimeoutMs?: number;
  viewport?: { width: number; height: number };
  prefs?: Record<string, string | number | boolean>;
  /** Lets WebDriver open the extension's own pages (adds `--remote-allow-system-access`). */
  extensionPages?: boolean;
  /** Saves downloads to this folder at once, without asking. */
  downloadDir?: string;
}

export async function launchFirefoxWithExtension(options: LaunchOptions = {}): Promise<FirefoxWithExtension> {
  const binary = findFirefox();
  if (!binary) throw new Error(NO_FIREFOX_MESSAGE);
  const ext = resolve(options.extensionPath ?? FIREFOX_BUILD);
  const manifestFile = join(ext, 'manifest.json');
  if (!existsSync(manifestFile)) {
    throw new Error(`No built extension at ${ext}: run \`npm run build:firefox\` first.`);
  }
  const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as {
    browser_specific_settings?: { gecko?: { id?: string } };
  };
  const geckoId = manifest.browser_specific_settings?.gecko?.id;
  const uuid = randomUUID();

  const profile = mkdtempSync(join(tmpdir(), 'context-lens-firefox-'));
  const prefs = { ...PREFS, ...options.prefs };
  if (options.downloadDir) {
    Object.assign(prefs, {
      'browser.download.dir': options.downloadDir,
      'browser.download.folderList': 2,
      'browser.download.useDownloadDir': true,
      'browser.download.always_ask_before_handling_new_types': false,
      'browser.download.alwaysOpenPanel': false,
      'browser.download.manager.showWhenStarting': false,
    });
  }
  if (geckoId) prefs['extensions.webextensions.uuids'] = JSON.stringify({ [geckoId]: uuid });
  writeFileSync(
    join(profile, 'user.js'),
    Object.entries(prefs)
      .map(([k, v]) => `user_pref(${JSON.stringify(k)}, ${JSON.stringify(v)});\n`)
      .join(''),
  );

  const output: string[] = [];
  const tail = () => `--- last lines of Firefox output ---\n${output.slice(-40).join('\n')}`;
  const args = ['--headless', '--no-remote', '--remote-debugging-port=0', '--profile', profile];
  if (options.extensionPages) args.push('--remote-allow-system-access');
  const child = spawn(binary, args, {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, MOZ_HEADLESS: '1', MOZ_CRASHREPORTER_DISABLE: '1', MOZ_DISABLE_AUTO_SAFE_MODE: '1' },
  });
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  // Last resort if the test process ends without close() (e.g. vitest's main process was killed
  // and the worker exits): never leave a browser or a profile behind.
  const killOnExit = () => {
    child.kill('SIGKILL');
    try {
      rmSync(profile, { recursive: true, force: true });
    } catch {
      // best effort while exiting
    }
  };
  // Ctrl-C or a cancelled CI job signals the whole process group: clean up, then die of the signal.
  const onSignal = (signal: NodeJS.Signals) => {
    killOnExit();
    removeHooks();
    if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
  };
  const removeHooks = () => {
    process.removeListener('exit', killOnExit);
    process.removeListener('SIGINT', onSignal);
    process.removeListener('SIGTERM', onSignal);
  };
  process.once('exit', killOnExit);
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);

  let client: BidiClient | undefined;
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    // Ask politely first; if that fails (or BiDi never came up) go straight to signals.
    const asked =
      client && !client.closed
        ? await client.send('browser.close', {}, 5_000).then(
            () => true,
            () => false,
          )
        : false;
    client?.close();
    await stop(child, exited, asked ? 10_000 : 0);
    removeHooks();
    rmSync(profile, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
  };

  try {
    const wsUrl = await waitForBidiUrl(child, output, options.startupTimeoutMs ?? 30_000, tail);
    client = await BidiClient.connect(`${wsUrl}/session`, { diagnostics: tail });
    const bidi = client;
    await bidi.send('session.new', { capabilities: {} });
    const { extension: addonId } = await bidi.send('webExtension.install', {
      extensionData: { type: 'path', path: ext },
    });
    const tree = await bidi.send('browsingContext.getTree', { maxDepth: 0 });
    const context = tree.contexts[0]?.context ?? (await bidi.send('browsingContext.create', { type: 'tab' })).context;
    await bidi.send('browsingContext.setViewport', {
      context,
      viewport: options.viewport ?? { width: 1200, height: 900 },
    });
    const extensionOrigin = `moz-extension://${uuid}`;
    const navigate = async (url: string, target = context) => {
      await bidi.send('browsingContext.navigate', { context: target, url, wait: 'complete' });
    };

    return {
      addonId,
      extensionOrigin,
      context,
      client: bidi,
      navigate,
      async openExtensionPage(path, target = context) {
        if (!options.extensionPages)
          throw new Error("launch Firefox with `extensionPages: true` to open the extension's pages");
        await navigate(`${extensionOrigin}${path}`, target);
      },
      async openTab(viewport = options.viewport ?? { width: 1200, height: 900 }) {
        const { context: tab } = await bidi.send('browsingContext.create', { type: 'tab' });
        await bidi.send('browsingContext.setViewport', { context: tab, viewport });
        return tab;
      },
      async closeTab(tab) {
        await bidi.send('browsingContext.close', { context: tab });
      },
      async evaluate<T>(expression: string): Promise<T> {
        const r = await bidi.send('script.evaluate', {
          expression,
          target: { context },
          awaitPromise: true,
          resultOwnership: 'none',
        });
        if (r.type === 'exception') {
          throw new Error(`evaluate threw: ${r.exceptionDetails.text}\n  in: ${expression.slice(0, 300)}`);
        }
        return deserialize(r.result) as T;
      },
      async evaluateIn<T>(target: string, expression: string): Promise<T> {
        const r = await bidi.send('script.evaluate', {
          expression,
          target: { context: target },
          awaitPromise: true,
          resultOwnership: 'none',
        });
        if (r.type === 'exception')
          throw new Error(`evaluate threw: ${r.exceptionDetails.text}\n  in: ${expression.slice(0, 300)}`);
        return deserialize(r.result) as T;
      },
      async frames() {
        const out: { context: string; url: string }[] = [];
        const walk = (nodes: ContextNode[]) => {
          for (const n of nodes) {
            out.push({ context: n.context, url: n.url });
            walk(n.children ?? []);
          }
        };
        walk((await bidi.send('browsingContext.getTree', { root: context })).contexts[0]?.children ?? []);
        return out;
      },
      async pointer(steps, target = context) {
        const actions = steps.map((s) =>
          'move' in s
            ? { type: 'pointerMove', x: Math.round(s.move.x), y: Math.round(s.move.y), duration: 50 }
            : { type: 'down' in s ? 'pointerDown' : 'pointerUp', button: 0 },
        );
        await bidi.send('input.performActions', {
          context: target,
          actions: [{ type: 'pointer', id: 'mouse', parameters: { pointerType: 'mouse' }, actions }],
        });
      },
      async type(text, target = context) {
        const actions = [...text].flatMap((value) => [
          { type: 'keyDown', value },
          { type: 'keyUp', value },
        ]);
        await bidi.send('input.performActions', {
          context: target,
          actions: [{ type: 'key', id: 'keyboard', actions }],
        });
      },
      async screenshot(path, target = context) {
        const { data } = await bidi.send('browsingContext.captureScreenshot', { context: target, origin: 'viewport' });
        mkdirSync(dirname(path), { recursive: true });
        writeFileSync(path, Buffer.from(data, 'base64'));
      },
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}

/** Resolves with the `ws://host:port` Firefox prints once its WebDriver BiDi server listens. */
function waitForBidiUrl(child: ChildProcess, output: string[], timeoutMs: number, tail: () => string): Promise<string> {
  return new Promise((resolveUrl, reject) => {
    let found = false;
    const onData = (chunk: Buffer) => {
      for (const line of chunk.toString().split('\n')) {
        if (!line.trim()) continue;
        output.push(line);
        if (output.length > 200) output.shift();
        const match = /WebDriver BiDi listening on (ws:\/\/\S+)/.exec(line);
        if (match && !found) {
          found = true;
          clearTimeout(timer);
          resolveUrl(match[1]!);
        }
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    const timer = setTimeout(
      () => reject(new Error(`Firefox did not start its WebDriver BiDi server within ${timeoutMs} ms.\n${tail()}`)),
      timeoutMs,
    );
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(new Error(`cannot start Firefox: ${error.message}`));
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      if (!found) reject(new Error(`Firefox exited during startup (code ${code}, signal ${signal}).\n${tail()}`));
    });
  });
}

/** Waits up to `graceMs` for a clean exit; then SIGTERM, then SIGKILL, if it lingers. */
async function stop(child: ChildProcess, exited: Promise<void>, graceMs: number): Promise<void> {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  const within = async (ms: number) => {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<boolean>((r) => (timer = setTimeout(() => r(false), ms)));
    const done = await Promise.race([exited.then(() => true), late]);
    clearTimeout(timer);
    return done;
  };
  if (await within(graceMs)) return;
  child.kill('SIGTERM');
  if (await within(5_000)) return;
  child.kill('SIGKILL');
  await exited;
}
