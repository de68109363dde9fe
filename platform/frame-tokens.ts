/**
 * The background's record of UI frames about to be embedded: a content script registers the
 * token it put in the frame's URL, and the frame claims it once, from the same tab. A frame
 * that cannot claim its token (a page embedded ui-frame.html itself) stays inert.
 */
import type { Browser } from 'wxt/browser';

const TTL_MS = 60_000;

export class FrameTokens {
  private readonly pending = new Map<string, { tabId: number; at: number }>();

  register(token: string, sender: Browser.runtime.MessageSender, now = Date.now()): boolean {
    const tabId = sender.tab?.id;
    if (tabId === undefined) return false;
    for (const [key, entry] of this.pending) if (now - entry.at > TTL_MS) this.pending.delete(key);
    this.pending.set(token, { tabId, at: now });
    return true;
  }

  claim(token: string, sender: Browser.runtime.MessageSender, now = Date.now()): boolean {
    const entry = this.pending.get(token);
    this.pending.delete(token);
    return !!entry && entry.tabId === sender.tab?.id && now - entry.at <= TTL_MS;
  }
}
