/**
 * Where the extension's CPU goes when a page loads: sampled V8 profiles (0.1 ms) of the page's
 * renderer (our content script runs in its isolate) and of the background service worker,
 * together, for each load of the largest corpus pages, summed per load. The page-load cell
 * measures what a load costs in all; this says which of our functions cost it, and it is far
 * steadier from run to run, since it counts only samples with our code on the stack.
 *
 * Build an unminified extension for readable names:
 *   LENS_NO_MINIFY=1 npx wxt build
 *   npm run bench:profile-load -- [pages=20] [loads=2] [extension dir=.output/chrome-mv3]
 *
 * The service worker is reached over a DevTools port (Playwright opens no session on it), with
 * Node's WebSocket (flagged in Node 20: the npm script passes the flag).
 */
import { resolve } from 'node:path';
import { CHROME_BUILD, launchWithExtension } from '../../tests/support/chromium';
import { defaultMounts, startStaticServer } from '../../tests/support/static-server';
import { localOnly } from './page-probe';
import { largestCorpusPages } from './targets';

const DEVTOOLS_PORT = 9339;
const AFTER_LOAD_MS = 3000;

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** Milliseconds per function: self time, and inclusive time of our own functions. */
class Tally {
  readonly self = new Map<string, number>();
  readonly inclusive = new Map<string, number>();
  ours = 0;
  all = 0;

  /** Adds a profile: every non-idle sample to `all`; those with an extension frame on the stack to the rest. */
  add(p: Profile): void {
    const byId = new Map(p.nodes.map((n) => [n.id, n]));
    const parent = new Map<number, number>();
    for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
    const msAt = new Map<number, number>();
    for (let k = 0; k < p.samples.length; k++) {
      const id = p.samples[k]!;
      msAt.set(id, (msAt.get(id) ?? 0) + (p.timeDeltas[k + 1] ?? 0) / 1000);
    }
    const nameOf = (f: ProfileNode['callFrame']) =>
      `${f.functionName || '(anonymous)'} ${f.url.split('/').pop()}:${f.lineNumber}`;
    for (const [id, ms] of msAt) {
      const leaf = byId.get(id)!.callFrame;
      if (leaf.functionName === '(idle)' || leaf.functionName === '(program)') continue;
      this.all += ms;
      const own = new Set<string>();
      for (let x: number | undefined = id; x !== undefined; x = parent.get(x)) {
        const f = byId.get(x)!.callFrame;
        if (f.url.startsWith('chrome-extension://')) own.add(nameOf(f));
      }
      if (own.size === 0) continue;
      this.ours += ms;
      // A native leaf (a DOM or extension API call) is named with the function of ours that called it.
      const key = leaf.url.startsWith('chrome-extension://')
        ? nameOf(leaf)
        : `[native] ${leaf.functionName || '(anonymous)'} < ${[...own][0]}`;
      this.self.set(key, (this.self.get(key) ?? 0) + ms);
      for (const name of own) this.inclusive.set(name, (this.inclusive.get(name) ?? 0) + ms);
    }
  }

  top(which: 'self' | 'inclusive', loads: number, count: number): string {
    return [...this[which]]
      .sort((a, b) => b[1] - a[1])
      .slice(0, count)
      .map(([fn, ms]) => `  ${(ms / loads).toFixed(2).padStart(6)}  ${fn}`)
      .join('\n');
  }
}

/** A DevTools session over a WebSocket, for the one target Playwright does not reach. */
class DevToolsSocket {
  private seq = 0;
  private readonly waiting = new Map<number, (result: unknown) => void>();
  private constructor(private readonly ws: WebSocket) {
    ws.onmessage = (event) => {
      const message = JSON.parse(String(event.data)) as { id?: number; result?: unknown; error?: unknown };
      const resolve = message.id === undefined ? undefined : this.waiting.get(message.id);
      if (!resolve) return;
      this.waiting.delete(message.id!);
      resolve(message.result ?? message.error);
    };
  }
  static async open(url: string): Promise<DevToolsSocket> {
    const ws = new WebSocket(url);
    await new Promise((resolve, reject) => ((ws.onopen = resolve), (ws.onerror = reject)));
    return new DevToolsSocket(ws);
  }
  send<T = unknown>(method: string, params: object = {}): Promise<T> {
    const id = ++this.seq;
    this.ws.send(JSON.stringify({ id, method, params }));
    return new Promise((resolve) => this.waiting.set(id, resolve as (result: unknown) => void));
  }
  close(): void {
    this.ws.close();
  }
}

async function main(): Promise<void> {
  const pages = Number(process.argv[2] ?? 20);
  const loads = Number(process.argv[3] ?? 2);
  const extension = resolve(process.argv[4] ?? CHROME_BUILD);
  const server = await startStaticServer(defaultMounts());
  const browser = await launchWithExtension({
    extensionPath: extension,
    extraArgs: [`--remote-debugging-port=${DEVTOOLS_PORT}`],
  });
  const { context } = browser;
  try {
    await localOnly(context, server);
    const worker = context.serviceWorkers()[0]!;
    const targets = (await (await fetch(`http://127.0.0.1:${DEVTOOLS_PORT}/json/list`)).json()) as Array<{
      type: string;
      url: string;
      webSocketDebuggerUrl: string;
    }>;
    const sw = targets.find((t) => t.type === 'service_worker' && t.url === worker.url());
    if (!sw) throw new Error('the service worker is not among the DevTools targets');
    const background = await DevToolsSocket.open(sw.webSocketDebuggerUrl);
    await background.send('Profiler.enable');
    await background.send('Profiler.setSamplingInterval', { interval: 100 });
    const inPage = new Tally();
    const inBackground = new Tally();
    const page = await context.newPage();
    // The background's first scan loads its matcher: not part of any page's load here.
    await page.goto(server.url('/pages/un-news-alliance-2012.html'), { waitUntil: 'load' });
    await page.waitForTimeout(2000);
    let n = 0;
    for (let run = 0; run < loads; run++)
      for (const target of largestCorpusPages(pages)) {
        await page.goto('about:blank');
        const cdp = await context.newCDPSession(page);
        await cdp.send('Profiler.enable');
        await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
        await cdp.send('Profiler.start');
        await background.send('Profiler.start');
        await page.goto(server.url(target.path), { waitUntil: 'load' });
        await page.waitForTimeout(AFTER_LOAD_MS);
        const { profile: pageProfile } = await cdp.send('Profiler.stop');
        const { profile: backgroundProfile } = await background.send<{ profile: Profile }>('Profiler.stop');
        await cdp.detach();
        const before = [inPage.ours, inBackground.ours, inBackground.all];
        inPage.add(pageProfile as unknown as Profile);
        inBackground.add(backgroundProfile);
        n++;
        console.log(
          `${target.name.padEnd(26)} page, ours ${(inPage.ours - before[0]!).toFixed(1)} ms; background, ours ${(inBackground.ours - before[1]!).toFixed(1)} ms, all ${(inBackground.all - before[2]!).toFixed(1)} ms`,
        );
      }
    background.close();
    console.log(
      `\nPer load (${n} loads): page, ours ${(inPage.ours / n).toFixed(2)} ms; background, ours ${(inBackground.ours / n).toFixed(2)} ms, all ${(inBackground.all / n).toFixed(2)} ms`,
    );
    console.log(`\nPage, self time (ms per load)\n${inPage.top('self', n, 30)}`);
    console.log(`\nPage, inclusive, our functions (ms per load)\n${inPage.top('inclusive', n, 30)}`);
    console.log(`\nBackground, self time (ms per load)\n${inBackground.top('self', n, 20)}`);
    console.log(`\nBackground, inclusive, our functions (ms per load)\n${inBackground.top('inclusive', n, 20)}`);
  } finally {
    await browser.close();
    await server.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
