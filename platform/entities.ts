/** Entity records from the background (the dataset lives in its IndexedDB, never in pages). */
import type { Entity } from '../lib/dataset/schema';
import { sendToBackground } from './messaging';

/** An entity as shown: the record, and the user pack it comes from, if any. */
export type ShownEntity = Entity & { pack?: string };

/** The records of these ids that exist, keyed by id (at most 200 per call, the protocol's limit). */
export async function fetchEntities(ids: string[]): Promise<Map<string, ShownEntity>> {
  const reply = await sendToBackground('entities:get', { ids: ids.slice(0, 200) });
  const packOf = reply?.packOf ?? {};
  return new Map((reply?.entities ?? []).map((e) => [e.id, packOf[e.id] ? { ...e, pack: packOf[e.id] } : e]));
}
