/** Entity records from the background (the dataset lives in its IndexedDB, never in pages). */
import { browser } from 'wxt/browser';
import type { Entity } from '../lib/dataset/schema';
import type { BackgroundMessage, BackgroundReplies } from '../lib/protocol';

/** The records of these ids that exist, keyed by id (at most 200 per call, the protocol's limit). */
export async function fetchEntities(ids: string[]): Promise<Map<string, Entity>> {
  const message: BackgroundMessage = { type: 'entities:get', payload: { ids: ids.slice(0, 200) } };
  const reply = (await browser.runtime.sendMessage(message)) as BackgroundReplies['entities:get'] | undefined;
  return new Map((reply?.entities ?? []).map((e) => [e.id, e]));
}
