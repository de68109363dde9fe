/**
 * One surface of our UI inside the page (the card, or the toolbar / note): an iframe of the
 * extension's `ui-frame.html` in a closed shadow root, placed over the page.
 *
 * What the page can and cannot do about it:
 * - read or drive what is drawn: no. The frame is of the extension's origin; the page cannot
 *   script it, and keys typed in it never reach the page's listeners.
 * - find the frame: no. It sits in a closed shadow root, so it is not in `window.frames`, and its
 *   URL (with the per-session dynamic id in Chrome, the per-install UUID in Firefox) is nowhere
 *   in the page's DOM or timing entries.
 * - talk to it: no. The frame takes one MessagePort, offered once with a random token that only
 *   its own URL carries, and never posts to its parent. A page that learned the frame's URL and
 *   embedded it itself gets an inert frame: the background hands the token only to our content
 *   script's frame (frame:register, frame:claim).
 * - see that a card is shown: yes, an element with a random tag appears at the end of the body
 *   while a surface is in use, and goes once it has been idle for a while.
 */
import { browser } from 'wxt/browser';
import { parseMessage } from '../../lib/messages';
import type { SaveOutcome } from '../../lib/protocol';
import { sendToBackground } from '../../platform/messaging';
import type { Lifetime } from './lifetime';
import { fromFrame, type FromFrameMessage, type ToFrameMessage } from '../../lib/ui-frame-protocol';

/** How long an unused surface stays, so the next card opens at once. */
const IDLE_REMOVE_MS = 30_000;
/** How long the frame may take to load before the surface gives up (and tries again next time). */
const LOAD_TIMEOUT_MS = 10_000;

const hosts = new WeakSet<Node>();

/** True for the host element of one of our surfaces (its mutations are not page changes). */
export function isUiHost(node: Node): boolean {
  return hosts.has(node);
}

function randomTag(): string {
  const letters = Array.from(crypto.getRandomValues(new Uint8Array(8)), (b) => String.fromCharCode(97 + (b % 26))).join(
    '',
  );
  return `x-${letters}`;
}

/** The origin the frame document ends up with (Chrome loads it through the dynamic URL but commits it under the extension id). */
function frameOrigin(): string {
  return import.meta.env.BROWSER === 'firefox'
    ? new URL(browser.runtime.getURL('/')).origin
    : `chrome-extension://${browser.runtime.id}`;
}

/** What page style sheets could change about the host, pinned (an inline !important wins over them). */
const HOST_STYLE: [string, string][] = [
  ['position', 'fixed'],
  ['z-index', '2147483647'],
  ['display', 'block'],
  ['right', 'auto'],
  ['bottom', 'auto'],
  ['margin', '0'],
  ['padding', '0'],
  ['border', '0'],
  ['min-width', '0'],
  ['min-height', '0'],
  ['max-width', 'none'],
  ['max-height', 'none'],
  ['box-sizing', 'content-box'],
  ['opacity', '1'],
  ['transform', 'none'],
  ['filter', 'none'],
  ['clip-path', 'none'],
  ['background', 'transparent'],
  ['pointer-events', 'auto'],
];

export interface Placement {
  top: number;
  left: number;
  /** Shorter than the surface's natural height when the viewport has no room for all of it. */
  height: number;
  width: number;
}

export class FrameSurface {
  private host: HTMLElement | null = null;
  private iframe: HTMLIFrameElement | null = null;
  private root: ShadowRoot | null = null;
  private port: MessagePort | null = null;
  private loading: Promise<MessagePort | null> | null = null;
  private idleTimer: number | undefined;
  private shown = false;
  /** Counts show() calls: of two made while the frame loads, the later one wins. */
  private shows = 0;
  private natural = { width: 0, height: 0 };
  private place: ((size: { width: number; height: number }) => Placement) | null = null;
  /** Focus goes in once the surface is visible (a hidden frame cannot take focus). */
  private focusWhenShown = false;
  pointerInside = false;

  constructor(
    private readonly life: Lifetime,
    private readonly onMessage: (message: FromFrameMessage) => void,
  ) {
    life.onEnd(() => this.remove());
  }

  /** Starts loading the frame (a hover about to open a card calls this early). */
  prepare(): void {
    void this.connect();
  }

  /** Shows `message` in the surface, placed by `place` once the frame says how big it is. */
  async show(message: ToFrameMessage, place: (size: { width: number; height: number }) => Placement): Promise<boolean> {
    this.life.clearTimeout(this.idleTimer);
    const mine = ++this.shows;
    const port = await this.connect();
    if (!port || this.life.signal.aborted || mine !== this.shows) return false;
    this.place = place;
    this.shown = true;
    this.natural = { width: 0, height: 0 };
    this.setStyle('visibility', 'hidden'); // until its size is known
    port.postMessage(message);
    return true;
  }

  /** Answers a save the frame asked for. */
  answer(request: number, outcome: SaveOutcome): void {
    this.post({ type: 'saved', payload: { request, ...outcome } });
  }

  /** Sends to a shown surface (content language changed, a save answered). */
  post(message: ToFrameMessage): void {
    if (this.shown) this.port?.postMessage(message);
  }

  /** Places the surface again (the page scrolled, the anchor moved). */
  reposition(place?: (size: { width: number; height: number }) => Placement): void {
    if (place) this.place = place;
    if (!this.shown || !this.place || this.natural.height === 0) return;
    const at = this.place(this.natural);
    this.setStyle('top', `${Math.round(at.top)}px`);
    this.setStyle('left', `${Math.round(at.left)}px`);
    this.setStyle('width', `${Math.round(at.width)}px`);
    this.setStyle('height', `${Math.round(at.height)}px`);
    if (this.iframe) {
      this.iframe.style.width = `${Math.round(at.width)}px`;
      this.iframe.style.height = `${Math.round(at.height)}px`;
    }
    this.setStyle('visibility', 'visible');
    if (this.focusWhenShown) {
      this.focusWhenShown = false;
      this.iframe?.focus();
    }
  }

  hide(): void {
    if (!this.host) return;
    if (this.shown) this.port?.postMessage({ type: 'clear', payload: {} } satisfies ToFrameMessage);
    this.shown = false;
    this.pointerInside = false;
    this.focusWhenShown = false;
    if (this.hasFocus) this.iframe?.blur();
    this.setStyle('visibility', 'hidden');
    this.setStyle('width', '0px');
    this.setStyle('height', '0px');
    this.life.clearTimeout(this.idleTimer);
    this.idleTimer = this.life.setTimeout(() => this.remove(), IDLE_REMOVE_MS);
  }

  /** Moves keyboard focus into the surface (keyboard commands), now or as soon as it shows. */
  focus(): void {
    if (this.shown && this.natural.height > 0) this.iframe?.focus();
    else this.focusWhenShown = true;
  }

  /** Whether keyboard focus is inside the surface. */
  get hasFocus(): boolean {
    return !!this.iframe && this.root?.activeElement === this.iframe;
  }

  remove(): void {
    this.life.clearTimeout(this.idleTimer);
    this.idleTimer = undefined;
    this.port?.close();
    this.host?.remove();
    this.host = this.iframe = this.root = this.port = null;
    this.loading = null;
    this.shown = false;
    this.pointerInside = false;
  }

  private setStyle(name: string, value: string): void {
    this.host?.style.setProperty(name, value, 'important');
  }

  private receive(raw: unknown): void {
    const message = parseMessage(fromFrame, raw);
    if (!message) return;
    if (message.type === 'size') {
      this.natural = message.payload;
      this.reposition();
      return;
    }
    if (message.type === 'pointer') this.pointerInside = message.payload.inside;
    this.onMessage(message);
  }

  /** The port to a loaded frame, creating host and frame when there are none (or the page removed them). */
  private connect(): Promise<MessagePort | null> {
    if (this.host && !this.host.isConnected) this.remove();
    if (this.loading) return this.loading;
    this.loading = this.create().then((port) => {
      if (!port) this.remove();
      return port;
    });
    return this.loading;
  }

  private async create(): Promise<MessagePort | null> {
    const host = document.createElement(randomTag());
    hosts.add(host);
    const root = host.attachShadow({ mode: 'closed' });
    const iframe = document.createElement('iframe');
    const token = crypto.randomUUID().replaceAll('-', '') + crypto.randomUUID().replaceAll('-', '');
    const registered = await sendToBackground('frame:register', { token });
    if (!registered?.ok || this.life.signal.aborted) return null;
    iframe.src = browser.runtime.getURL(`/ui-frame.html#${token}`);
    iframe.setAttribute('allow', 'clipboard-write');
    iframe.title = 'Context Lens';
    Object.assign(iframe.style, {
      border: '0',
      display: 'block',
      width: '0px',
      height: '0px',
      background: 'transparent',
      colorScheme: 'light dark',
    });
    root.append(iframe);
    this.host = host;
    this.iframe = iframe;
    this.root = root;
    for (const [name, value] of HOST_STYLE) this.setStyle(name, value);
    this.setStyle('visibility', 'hidden');
    this.setStyle('top', '0px');
    this.setStyle('left', '0px');
    this.setStyle('width', '0px');
    this.setStyle('height', '0px');
    (document.body ?? document.documentElement).append(host);

    const loaded = await new Promise<boolean>((resolve) => {
      const timer = this.life.setTimeout(() => resolve(false), LOAD_TIMEOUT_MS);
      this.life.listen(
        iframe,
        'load',
        () => {
          this.life.clearTimeout(timer);
          resolve(true);
        },
        { once: true },
      );
    });
    if (!loaded || this.iframe !== iframe || !iframe.contentWindow) return null;
    const channel = new MessageChannel();
    channel.port1.onmessage = (event: MessageEvent) => this.receive(event.data);
    iframe.contentWindow.postMessage({ contextLensFrame: token }, frameOrigin(), [channel.port2]);
    this.port = channel.port1;
    return channel.port1;
  }
}
