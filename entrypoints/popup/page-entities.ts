/** The popup's view of the page: the content script's counts joined with names from the background. */
import { browser } from 'wxt/browser';
import type { ContentMessage, ContentReplies } from '../../lib/protocol';
import { fetchEntities } from '../../platform/entities';
import type { Entity, Kind } from '../../lib/dataset/schema';

export interface PageEntity {
  entity: Entity;
  kind: Kind;
  count: number;
}

export async function askTab<T extends ContentMessage>(
  tabId: number,
  message: T,
): Promise<ContentReplies[T['type']] | null> {
  try {
    return ((await browser.tabs.sendMessage(tabId, message, { frameId: 0 })) as ContentReplies[T['type']]) ?? null;
  } catch {
    return null; // No content script there (browser pages, the store, a page loaded before install).
  }
}

export async function loadPageEntities(tabId: number): Promise<PageEntity[] | null> {
  const counts = await askTab(tabId, { type: 'page:entities', payload: {} });
  if (!counts) return null;
  const byId = await fetchEntities(counts.entities.map((c) => c.id));
  return counts.entities.flatMap((c) => {
    const entity = byId.get(c.id);
    return entity ? [{ entity, kind: c.kind, count: c.count }] : [];
  });
}
