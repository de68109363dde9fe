/**
 * What the active packs change outside IndexedDB rows: one matcher compiled from the bundled
 * dataset plus every enabled pack (a pack's entity replaces a bundled one only when its pack
 * overrides), and the search data of the pack entities. Run in a worker or the background,
 * never on a page's main thread. Content scripts fetch the matcher from the background.
 */
import type { Entity } from '../lib/dataset/schema';
import { compileMatcher, serializeMatcher } from '../lib/match';
import { displayEntity, matcherEntities, type PackEntity } from '../lib/packs/format';
import { buildSearchData, type SearchData } from '../lib/search';
import { activePacks } from './packs-store';
import type { LensDatabase } from './db';
import { BUNDLED_MATCHER } from './matcher-transfer';

const MATCHER_KEY = 'packMatcher';
const SEARCH_KEY = 'packSearch';

export interface PackMatcher {
  version: string;
  bytes: Uint8Array;
}

export interface PackSearch {
  version: string;
  /** Bundled ids an enabled pack replaces: hidden from the bundled search. */
  overridden: string[];
  data: SearchData;
}

export type BuildStage = 'reading' | 'matcher' | 'search' | 'saving';

export interface BuildFigures {
  version: string;
  entities: number;
  matcherBytes: number;
  matcherMs: number;
  searchMs: number;
}

/** Rebuilds the combined matcher and the pack search; returns the version to announce. */
export async function rebuildPackData(
  db: LensDatabase,
  onStage?: (stage: BuildStage) => void,
  known?: ReadonlyMap<string, readonly PackEntity[]>,
): Promise<BuildFigures> {
  onStage?.('reading');
  const bundled: Entity[] = (await db.entities.where('source').equals('bundled').toArray()).map(({ source: _s, ...e }) => e);
  const active = await activePacks(db, new Set(bundled.map((e) => e.id)), known);
  if (active.entities.length === 0) {
    await db.meta.bulkDelete([MATCHER_KEY, SEARCH_KEY]);
    return { version: BUNDLED_MATCHER, entities: bundled.length, matcherBytes: 0, matcherMs: 0, searchMs: 0 };
  }
  onStage?.('matcher');
  let t0 = performance.now();
  const all = [...bundled.filter((e) => !active.overridden.has(e.id)), ...matcherEntities(active.entities)];
  const bytes = serializeMatcher(compileMatcher(all));
  const matcherMs = performance.now() - t0;
  onStage?.('search');
  t0 = performance.now();
  const data = buildSearchData(active.entities.map((e) => displayEntity(e)));
  const searchMs = performance.now() - t0;
  onStage?.('saving');
  const version = `packs-${Date.now().toString(36)}-${all.length}`;
  const matcher: PackMatcher = { version, bytes };
  const search: PackSearch = { version, overridden: [...active.overridden], data };
  await db.meta.bulkPut([
    { key: MATCHER_KEY, value: matcher },
    { key: SEARCH_KEY, value: search },
  ]);
  return { version, entities: all.length, matcherBytes: bytes.byteLength, matcherMs, searchMs };
}

export async function readPackMatcher(db: LensDatabase): Promise<PackMatcher | null> {
  const row = await db.meta.get(MATCHER_KEY);
  return (row?.value as PackMatcher | undefined) ?? null;
}

export async function readPackSearch(db: LensDatabase): Promise<PackSearch | null> {
  const row = await db.meta.get(SEARCH_KEY);
  return (row?.value as PackSearch | undefined) ?? null;
}
