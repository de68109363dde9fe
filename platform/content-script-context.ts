/**
 * The content script's lifetime, in place of WXT's ContentScriptContext (wxt.config.ts aliases
 * `wxt/utils/content-script-context` to this file, so WXT's entrypoint constructs this one).
 *
 * Why: WXT's context tells an older copy of the script to stop by broadcasting "started" to the
 * page, as a `postMessage` carrying the extension id and as a DOM event named after it. Any page
 * can listen for either (and so learn the extension is installed) and can forge the event (and so
 * switch the extension off). Here the hand-over event is named after a random secret kept in the
 * extension's own storage, which pages cannot read: only another copy of this script can hear or
 * send it. A copy whose extension was reloaded or removed also stops by itself, within seconds,
 * when it notices its runtime is gone.
 *
 * Same API as WXT's class for what this project uses.
 */
import { browser } from 'wxt/browser';
import { readLocal } from './local-reads';

const SECRET_KEY = 'contentScriptSecret';
/** How often an orphaned copy (extension reloaded, no newer copy injected) checks on itself. */
const ORPHAN_CHECK_MS = 4_000;

async function handOverEventName(): Promise<string> {
  // Read with the settings, which main() asks for in the same turn (local-reads.ts).
  const stored = (await readLocal([SECRET_KEY]))[SECRET_KEY];
  if (typeof stored === 'string' && stored.length >= 16) return `cl-${stored}`;
  const secret = crypto.randomUUID().replaceAll('-', '');
  await browser.storage.local.set({ [SECRET_KEY]: secret });
  return `cl-${secret}`;
}

export class ContentScriptContext {
  private readonly controller = new AbortController();
  private readonly id = crypto.randomUUID();

  constructor(
    readonly contentScriptName: string,
    readonly options?: unknown,
  ) {
    void this.takeOver().catch(() => {
      // Storage unavailable (the extension is going away): the orphan check covers it.
    });
    this.setInterval(() => void this.isInvalid, ORPHAN_CHECK_MS);
  }

  /** Stops an older copy in this document, and listens for a newer one. */
  private async takeOver(): Promise<void> {
    const name = await handOverEventName();
    if (this.signal.aborted) return;
    const onStarted = (event: Event) => {
      if (event instanceof CustomEvent && event.detail !== this.id) this.notifyInvalidated();
    };
    document.addEventListener(name, onStarted, { signal: this.signal });
    document.dispatchEvent(new CustomEvent(name, { detail: this.id }));
  }

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  abort(reason?: unknown): void {
    this.controller.abort(reason);
  }

  get isInvalid(): boolean {
    if (browser.runtime?.id == null) this.notifyInvalidated();
    return this.signal.aborted;
  }

  get isValid(): boolean {
    return !this.isInvalid;
  }

  onInvalidated(cb: () => void): () => void {
    this.signal.addEventListener('abort', cb);
    return () => this.signal.removeEventListener('abort', cb);
  }

  block<T>(): Promise<T> {
    return new Promise(() => {});
  }

  setInterval(handler: () => void, timeout?: number): number {
    const id = setInterval(() => {
      if (this.isValid) handler();
    }, timeout) as unknown as number;
    this.onInvalidated(() => clearInterval(id));
    return id;
  }

  setTimeout(handler: () => void, timeout?: number): number {
    const id = setTimeout(() => {
      if (this.isValid) handler();
    }, timeout) as unknown as number;
    this.onInvalidated(() => clearTimeout(id));
    return id;
  }

  requestAnimationFrame(callback: FrameRequestCallback): number {
    const id = requestAnimationFrame((time) => {
      if (this.isValid) callback(time);
    });
    this.onInvalidated(() => cancelAnimationFrame(id));
    return id;
  }

  requestIdleCallback(callback: IdleRequestCallback, options?: IdleRequestOptions): number {
    const id = requestIdleCallback((deadline) => {
      if (!this.signal.aborted) callback(deadline);
    }, options);
    this.onInvalidated(() => cancelIdleCallback(id));
    return id;
  }

  addEventListener(
    target: EventTarget,
    type: string,
    handler: (event: never) => void,
    options?: AddEventListenerOptions,
  ): void {
    target.addEventListener(type, handler as EventListener, { ...options, signal: this.signal });
  }

  notifyInvalidated(): void {
    this.abort('Content script context invalidated');
  }
}
