/**
 * The content script's end of the page scan (lib/scan/protocol.ts): pieces of page text go to
 * the background over one port, mentions come back. One port is one document scan; a new
 * scan (other packs, settings) opens a new one. When the background goes away under an open
 * port (Chrome stops an idle service worker), `lost` tells the scanner to send its text again.
 */
import { browser, type Browser } from 'wxt/browser';
import {
  SCAN_PORT,
  wireTag,
  type ScanFailure,
  type ScanReply,
  type ScanRequest,
  type WireBlock,
} from '../../lib/scan/protocol';

export class ScanClient {
  private port: Browser.runtime.Port | null = null;
  private seq = 0;
  private readonly waiting = new Map<number, (reply: ScanReply | null) => void>();
  /** The port closed from the other side since the last scan started: the scan's evidence is gone. */
  lost = false;

  /**
   * @param rootTag the page's own lang attribute, read when a scan starts
   * @param onClosed called when the background closed the port: Chrome stopped the idle
   *   service worker, or the extension itself went away (reloaded, disabled, removed)
   */
  constructor(
    private readonly rootTag: () => string | null,
    private readonly onClosed: () => void = () => {},
  ) {}

  /** Ends the current document scan: the next piece starts a new one. */
  restart(): void {
    const port = this.port;
    this.port = null;
    this.lost = false;
    this.settle();
    port?.disconnect();
  }

  /** Scans one piece; null when the scan was restarted, the background went away or could not scan. */
  piece(text: string, base: number, blocks: WireBlock[]): Promise<ScanReply | null> {
    const port = this.port ?? this.open();
    const seq = ++this.seq;
    return new Promise((resolve) => {
      this.waiting.set(seq, resolve);
      try {
        port.postMessage({ type: 'piece', seq, text, base, blocks } satisfies ScanRequest);
      } catch {
        this.waiting.delete(seq);
        resolve(null);
      }
    });
  }

  private open(): Browser.runtime.Port {
    const port = browser.runtime.connect({ name: SCAN_PORT });
    this.port = port;
    port.onMessage.addListener((raw: unknown) => {
      const reply = raw as ScanReply | ScanFailure;
      const resolve = this.waiting.get(reply.seq);
      if (!resolve) return;
      this.waiting.delete(reply.seq);
      resolve('error' in reply ? null : reply);
    });
    port.onDisconnect.addListener(() => {
      if (this.port !== port) return;
      this.port = null;
      this.lost = true;
      this.settle();
      this.onClosed();
    });
    port.postMessage({ type: 'start', rootTag: wireTag(this.rootTag()) } satisfies ScanRequest);
    return port;
  }

  private settle(): void {
    for (const resolve of this.waiting.values()) resolve(null);
    this.waiting.clear();
  }
}
