/**
 * The popup's search over the bundled dataset (prebuilt by data:build: no indexing on open) and
 * the user's enabled packs (prebuilt by the pack worker into IndexedDB). Hits of both are merged
 * by Fuse score; bundled entities a pack overrides are left out.
 */
import { loadSearcher, type SearchData, type SearchHit } from '../../lib/search';
import { LensDatabase } from '../../platform/db';
import { readPackSearch } from '../../platform/pack-build';
import { packagedUrl } from '../../platform/packaged-url';

export interface PopupSearch {
  search(query: string, limit: number): SearchHit[];
}

let loading: Promise<PopupSearch> | null = null;

async function load(): Promise<PopupSearch> {
  const url = packagedUrl('/data/search.json');
  const bundled = loadSearcher((await (await fetch(url)).json()) as SearchData);
  const db = new LensDatabase();
  const packs = await readPackSearch(db).catch(() => null);
  db.close();
  if (!packs) return bundled;
  const fromPacks = loadSearcher(packs.data);
  const overridden = new Set(packs.overridden);
  return {
    search(query, limit) {
      const hits = [
        ...bundled.search(query, limit).filter((h) => !overridden.has(h.id)),
        ...fromPacks.search(query, limit),
      ];
      const seen = new Set<string>();
      return hits
        .sort((a, b) => a.score - b.score)
        .filter((h) => !seen.has(h.id) && seen.add(h.id))
        .slice(0, limit);
    },
  };
}

export function popupSearch(): Promise<PopupSearch> {
  loading ??= load();
  return loading;
}
