/**
 * The frame's end of the private channel to the content script that created it. The port
 * arrives in one window message, accepted only when it carries the token from this frame's own
 * URL (which no page script can read: the frame sits in a closed shadow root). The frame never
 * posts to its parent window, so the page learns nothing from it.
 */
import { askToKeepStorage } from '../../platform/storage-protection';
import { parseMessage } from '../../lib/protocol';
import { sendToBackground } from '../../platform/messaging';
import { isHandshake, toFrame, type FromFrameMessage, type ToFrameMessage } from '../../lib/ui-frame-protocol';
import type { SaveOutcome } from '../../lib/protocol';

export class FramePort {
  private port: MessagePort | null = null;
  private verified = false;
  private nextRequest = 1;
  private readonly waiting = new Map<number, (outcome: SaveOutcome) => void>();

  constructor(private readonly onMessage: (message: ToFrameMessage) => void) {
    const token = location.hash.slice(1);
    // Forget the token: nothing later in this page needs it.
    history.replaceState(null, '', location.pathname);
    // Only a frame our content script embedded may act: its token was registered from this tab.
    const claimed = token.length >= 32 ? sendToBackground('frame:claim', { token }) : Promise.resolve(null);
    const accept = (event: MessageEvent) => {
      const port = event.ports[0];
      if (this.port || event.source !== window.parent || !isHandshake(event.data, token) || !port) return;
      window.removeEventListener('message', accept);
      this.port = port;
      void claimed.then((reply) => {
        if (!reply?.ok) return port.close();
        this.verified = true;
        port.onmessage = (e: MessageEvent) => this.receive(e.data);
      });
    };
    window.addEventListener('message', accept);
  }

  private receive(raw: unknown): void {
    const message = parseMessage(toFrame, raw);
    if (!message) return;
    if (message.type === 'saved') {
      const { request, ok, reason } = message.payload;
      this.waiting.get(request)?.(ok ? { ok: true } : { ok: false, reason: reason ?? 'failed' });
      this.waiting.delete(request);
      return;
    }
    this.onMessage(message);
  }

  send(message: FromFrameMessage): void {
    if (this.verified) this.port?.postMessage(message);
  }

  /** Asks the content script to save; resolves with what happened (a lost page counts as failed). */
  save(ask: (request: number) => FromFrameMessage): Promise<SaveOutcome> {
    if (!this.verified) return Promise.resolve({ ok: false, reason: 'failed' });
    // The first save is when the reader's storage starts to matter: ask the browser to keep it.
    void askToKeepStorage();
    const request = this.nextRequest++;
    return new Promise((resolve) => {
      this.waiting.set(request, resolve);
      this.send(ask(request));
    });
  }
}
