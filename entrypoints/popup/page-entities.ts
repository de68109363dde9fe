/** The popup's view of the page: the content script's counts joined with names from the background. */
import { sendToTab } from '../../platform/messaging';
import { fetchEntities } from '../../platform/entities';
import type { Entity, Kind } from '../../lib/dataset/schema';

export interface PageEntity {
  entity: Entity;
  kind: Kind;
  count: number;
}

export async function loadPageEntities(tabId: number): Promise<PageEntity[] | null> {
  const counts = await sendToTab(tabId, 'page:entities', {});
  if (!counts) return null;
  const byId = await fetchEntities(counts.entities.map((c) => c.id));
  return counts.entities.flatMap((c) => {
    const entity = byId.get(c.id);
    return entity ? [{ entity, kind: c.kind, count: c.count }] : [];
  });
}
