/**
 * A small WebDriver BiDi client over a WebSocket (the `ws` package: Node 20 has no global one).
 * Every command gets an id and a timeout; an error response rejects with the BiDi error code and
 * message; a closed connection rejects everything still waiting.
 * Spec: https://w3c.github.io/webdriver-bidi/
 *
 * puppeteer-core could replace it (issue 19; tried with puppeteer-core 24.43.1 and firefox-esr
 * 153.8.0): `puppeteer.launch({ browser: 'firefox', protocol: 'webDriverBiDi', executablePath })`
 * then `browser.installExtension(dir)` installs the unpacked build, the content script runs on a
 * served page, the UI frame shows in `page.frames()` and `frame.click`/`frame.type` drive it.
 * What it does not do: `page.goto('moz-extension://…')` never resolves, even where Firefox loads
 * the page (puppeteer#14314, open upstream), and `page.url()` stays stale after such a load; the
 * workaround is not to await goto and wait for a selector instead. Until the switch is made,
 * this client stays; what it needs for extension pages is in firefox.ts.
 */
import WebSocket from 'ws';

/** The commands the e2e harness uses, with the parameter and result shapes it relies on. */
export interface BidiCommands {
  'session.new': { params: { capabilities: Record<string, unknown> }; result: { sessionId: string } };
  'session.end': { params: Record<string, never>; result: Record<string, never> };
  'browser.close': { params: Record<string, never>; result: Record<string, never> };
  'session.subscribe': { params: { events: string[]; contexts?: string[] }; result: Record<string, unknown> };
  'webExtension.install': {
    params: { extensionData: { type: 'path'; path: string } | { type: 'base64'; value: string } };
    result: { extension: string };
  };
  'browsingContext.getTree': {
    params: { maxDepth?: number; root?: string };
    result: { contexts: ContextNode[] };
  };
  'input.performActions': {
    params: { context: string; actions: Record<string, unknown>[] };
    result: Record<string, never>;
  };
  'browsingContext.create': { params: { type: 'tab' | 'window' }; result: { context: string } };
  'browsingContext.close': { params: { context: string }; result: Record<string, never> };
  'browsingContext.navigate': {
    params: { context: string; url: string; wait?: 'none' | 'interactive' | 'complete' };
    result: { navigation: string | null; url: string };
  };
  'browsingContext.setViewport': {
    params: { context: string; viewport: { width: number; height: number } | null };
    result: Record<string, never>;
  };
  'browsingContext.captureScreenshot': {
    params: { context: string; origin?: 'viewport' | 'document' };
    result: { data: string };
  };
  'script.evaluate': {
    params: {
      expression: string;
      target: { context: string } | { realm: string };
      awaitPromise: boolean;
      resultOwnership?: 'root' | 'none';
    };
    result: EvaluateResult;
  };
}

export interface ContextNode {
  context: string;
  url: string;
  children: ContextNode[] | null;
}

export type EvaluateResult =
  | { type: 'success'; result: RemoteValue; realm: string }
  | { type: 'exception'; exceptionDetails: { text: string; lineNumber: number; columnNumber: number }; realm: string };

/** A serialized JS value (BiDi `script.RemoteValue`), loosely typed. */
export interface RemoteValue {
  type: string;
  value?: unknown;
  handle?: string;
  sharedId?: string;
}

export class BidiError extends Error {
  constructor(
    readonly method: string,
    readonly code: string,
    message: string,
  ) {
    super(`BiDi ${method} failed: ${code}: ${message}`);
    this.name = 'BidiError';
  }
}

interface Pending {
  method: string;
  resolve(value: unknown): void;
  reject(error: Error): void;
  timer: NodeJS.Timeout;
}

export class BidiClient {
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private readonly listeners = new Map<string, Set<(params: unknown) => void>>();
  private closedReason: string | null = null;

  private constructor(
    private readonly socket: WebSocket,
    /** Extra words for errors about a dead connection (e.g. the browser's last stderr lines). */
    private readonly diagnostics: () => string,
  ) {
    socket.on('message', (data) => this.onMessage(data.toString()));
    socket.on('close', (code, reason) => this.failAll(`connection closed (${code} ${reason.toString()})`));
    socket.on('error', (error) => this.failAll(`socket error: ${error.message}`));
  }

  static async connect(
    url: string,
    options: { timeoutMs?: number; diagnostics?: () => string } = {},
  ): Promise<BidiClient> {
    const socket = new WebSocket(url, { handshakeTimeout: options.timeoutMs ?? 10_000 });
    await new Promise<void>((resolve, reject) => {
      socket.once('open', () => resolve());
      socket.once('error', (error) => reject(new Error(`cannot connect to ${url}: ${error.message}`)));
    });
    return new BidiClient(socket, options.diagnostics ?? (() => ''));
  }

  /** Sends a command and waits for its response (rejects after `timeoutMs`, default 30 s). */
  send<M extends keyof BidiCommands>(
    method: M,
    params: BidiCommands[M]['params'],
    timeoutMs = 30_000,
  ): Promise<BidiCommands[M]['result']> {
    if (this.closedReason) return Promise.reject(this.deadError(method, this.closedReason));
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new Error(`BiDi ${method} timed out after ${timeoutMs} ms${this.tail()}`));
      }, timeoutMs);
      this.pending.set(id, { method, resolve: resolve as (v: unknown) => void, reject, timer });
      this.socket.send(JSON.stringify({ id, method, params }), (error) => {
        if (!error) return;
        clearTimeout(timer);
        this.pending.delete(id);
        reject(this.deadError(method, `send failed: ${error.message}`));
      });
    });
  }

  /** Calls `handler` for every event named `method` (subscribe with `session.subscribe` first). */
  on(method: string, handler: (params: unknown) => void): () => void {
    const set = this.listeners.get(method) ?? new Set();
    set.add(handler);
    this.listeners.set(method, set);
    return () => set.delete(handler);
  }

  get closed(): boolean {
    return this.closedReason !== null;
  }

  close(): void {
    this.failAll('client closed');
    this.socket.terminate();
  }

  private onMessage(text: string): void {
    let message: {
      id?: number;
      type?: string;
      method?: string;
      params?: unknown;
      result?: unknown;
      error?: string;
      message?: string;
    };
    try {
      message = JSON.parse(text);
    } catch {
      return;
    }
    if (message.type === 'event' && message.method) {
      for (const handler of this.listeners.get(message.method) ?? []) handler(message.params);
      return;
    }
    const waiting = typeof message.id === 'number' ? this.pending.get(message.id) : undefined;
    if (!waiting || message.id === undefined) return;
    this.pending.delete(message.id);
    clearTimeout(waiting.timer);
    if (message.type === 'error') {
      waiting.reject(new BidiError(waiting.method, message.error ?? 'unknown error', message.message ?? ''));
    } else {
      waiting.resolve(message.result);
    }
  }

  private failAll(reason: string): void {
    this.closedReason ??= reason;
    for (const [id, waiting] of this.pending) {
      clearTimeout(waiting.timer);
      waiting.reject(this.deadError(waiting.method, reason));
      this.pending.delete(id);
    }
  }

  private deadError(method: string, reason: string): Error {
    return new Error(`BiDi ${method}: ${reason}${this.tail()}`);
  }

  private tail(): string {
    const extra = this.diagnostics();
    return extra ? `\n${extra}` : '';
  }
}

/** Turns a BiDi RemoteValue back into a plain JS value (DOM nodes and the like become their handle). */
export function deserialize(value: RemoteValue): unknown {
  switch (value.type) {
    case 'undefined':
      return undefined;
    case 'null':
      return null;
    case 'string':
    case 'boolean':
      return value.value;
    case 'number':
      if (typeof value.value === 'number') return value.value;
      return value.value === '-0' ? -0 : Number(value.value); // 'NaN', 'Infinity', '-Infinity'
    case 'bigint':
      return BigInt(value.value as string);
    case 'date':
      return new Date(value.value as string);
    case 'regexp': {
      const { pattern, flags } = value.value as { pattern: string; flags?: string };
      return new RegExp(pattern, flags);
    }
    case 'array':
    case 'set': {
      const items = ((value.value as RemoteValue[] | undefined) ?? []).map(deserialize);
      return value.type === 'set' ? new Set(items) : items;
    }
    case 'object':
    case 'map': {
      const entries = ((value.value as [string | RemoteValue, RemoteValue][] | undefined) ?? []).map(
        ([k, v]) => [typeof k === 'string' ? k : deserialize(k), deserialize(v)] as const,
      );
      return value.type === 'map' ? new Map(entries) : Object.fromEntries(entries);
    }
    default:
      // node, window, function, promise, error, …: not serializable; hand back what BiDi gave.
      return { type: value.type, handle: value.handle, sharedId: value.sharedId };
  }
}
