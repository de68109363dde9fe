/**
 * The frame's end of the private channel to the content script that created it. The port
 * arrives in one window message, accepted only when it carries the token from this frame's own
 * URL (which no page script can read: the frame sits in a closed shadow root). The frame never
 * posts to its parent window, so the page learns nothing from it.
 */
import { parseMessage } from '../../lib/protocol';
import { isHandshake, toFrame, type FromFrameMessage, type ToFrameMessage } from '../../lib/ui-frame-protocol';
import type { SaveOutcome } from '../../lib/protocol';

export class FramePort {
  private port: MessagePort | null = null;
  private nextRequest = 1;
  private readonly waiting = new Map<number, (outcome: SaveOutcome) => void>();

  constructor(private readonly onMessage: (message: ToFrameMessage) => void) {
    const token = location.hash.slice(1);
    // Forget the token: nothing later in this page needs it.
    history.replaceState(null, '', location.pathname);
    const accept = (event: MessageEvent) => {
      if (this.port || event.source !== window.parent || !isHandshake(event.data, token) || !event.ports[0]) return;
      window.removeEventListener('message', accept);
      this.port = event.ports[0];
      this.port.onmessage = (e: MessageEvent) => this.receive(e.data);
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
    this.port?.postMessage(message);
  }

  /** Asks the content script to save; resolves with what happened (a lost page counts as failed). */
  save(ask: (request: number) => FromFrameMessage): Promise<SaveOutcome> {
    if (!this.port) return Promise.resolve({ ok: false, reason: 'failed' });
    const request = this.nextRequest++;
    return new Promise((resolve) => {
      this.waiting.set(request, resolve);
      this.send(ask(request));
    });
  }
}
