/**
 * The sending ends of lib/protocol.ts: one helper per direction, typed by message type, so a
 * sender names a type and gets that type's reply (BackgroundReplies, ContentReplies) with no
 * casts. Type-only imports of the protocol: the content script carries no schemas for sending.
 */
import { browser } from 'wxt/browser';
import type { Check, Checked } from '../lib/checks';
import type { BackgroundReplies, ContentReplies, ToBackground, ToContent } from '../lib/protocol';

/** A message as sent: its type and the payload its check accepts. */
type Request<M extends Record<string, Check<unknown>>, K extends keyof M> = { type: K; payload: Checked<M[K]> };

/**
 * To the background (from a content script, the popup, the library or the UI frame). Null when no
 * reply came: the background restarting after an update, or the message refused.
 */
export async function sendToBackground<K extends keyof ToBackground>(
  type: K,
  payload: Request<ToBackground, K>['payload'],
): Promise<BackgroundReplies[K] | null> {
  try {
    const reply = await browser.runtime.sendMessage<Request<ToBackground, K>, BackgroundReplies[K] | undefined>({
      type,
      payload,
    });
    return reply ?? null;
  } catch {
    return null;
  }
}

/**
 * To the content script of a tab's top frame (from the popup and the background). Null when none
 * answered: browser pages, the store, a page loaded before the extension was installed.
 */
export async function sendToTab<K extends keyof ToContent>(
  tabId: number,
  type: K,
  payload: Request<ToContent, K>['payload'],
): Promise<ContentReplies[K] | null> {
  try {
    const reply = await browser.tabs.sendMessage<Request<ToContent, K>, ContentReplies[K] | undefined>(
      tabId,
      { type, payload },
      { frameId: 0 },
    );
    return reply ?? null;
  } catch {
    return null;
  }
}
