/**
 * What the active packs change outside IndexedDB rows: one matcher compiled from the bundled
 * dataset plus every enabled pack (a pack's entity replaces a bundled one only when its pack
 * overrides), and the search data of the pack entities. Run in a worker or the background,
 * never on a page's main thread. Content scripts fetch the matcher from the background.
 */
import type { Entity } from '../lib/dataset/schema';
import { compileMatcher, serializeMatcher } from '../lib/match';
import { matcherEntities, type PackEntity } from '../lib/packs/format';
import { buildSearchData, type SearchData } from '../lib/search';
import { activePacks, bundledIds, type PendingPack } from './packs-store';
import type { LensDatabase } from './db';
import { installedDatasetVersion } from './dataset-install';
import { BUNDLED_MATCHER } from './bundled-matcher';

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

/** PackSearch as stored: the search data as JSON text. */
interface StoredPackSearch {
  version: string;
  overridden: string[];
  json: string;
}

export type BuildStage = 'reading' | 'matcher' | 'search' | 'saving';

export interface BuildFigures {
  version: string;
  entities: number;
  matcherBytes: number;
  matcherMs: number;
  searchMs: number;
}

interface ActiveOptions {
  known?: ReadonlyMap<string, readonly PackEntity[]>;
  pending?: PendingPack;
  onStage?: (stage: BuildStage) => void;
}

async function readActive(db: LensDatabase, options: ActiveOptions = {}) {
  const bundled: Entity[] = (await db.entities.where('source').equals('bundled').toArray()).map(
    ({ source: _s, ...e }) => e,
  );
  return { bundled, active: await activePacks(db, new Set(bundled.map((e) => e.id)), options) };
}

/** A matcher compiled in memory, not yet saved; null bytes when no pack is enabled. */
export interface CompiledMatcher {
  entities: number;
  bytes: Uint8Array | null;
  matcherMs: number;
}

/**
 * Compiles the matcher of the bundled dataset and the enabled packs, counting `pending` as
 * installed: an import compiles while its pack is still being written, and saves only once
 * the write has committed (saveCompiledMatcher).
 */
export async function compilePackMatcher(db: LensDatabase, options: ActiveOptions = {}): Promise<CompiledMatcher> {
  const { bundled, active } = await readActive(db, options);
  if (active.entities.length === 0) return { entities: bundled.length, bytes: null, matcherMs: 0 };
  options.onStage?.('matcher');
  // Let the reads' transactions commit before seconds of compiling: a transaction ends only
  // when its thread returns to the event loop, and until then it blocks a pack install that
  // another worker is writing (measured: the install took as long as the compile).
  await new Promise((resolve) => setTimeout(resolve, 0));
  const t0 = performance.now();
  const all = [...bundled.filter((e) => !active.overridden.has(e.id)), ...matcherEntities(active.entities)];
  const bytes = serializeMatcher(compileMatcher(all));
  return { entities: all.length, bytes, matcherMs: performance.now() - t0 };
}

/** Stores a compiled matcher (or removes the pack matcher when no pack is enabled); returns the version to announce. */
export async function saveCompiledMatcher(db: LensDatabase, compiled: CompiledMatcher): Promise<BuildFigures> {
  const { entities, bytes, matcherMs } = compiled;
  if (!bytes) {
    await db.meta.delete(MATCHER_KEY);
    return { version: BUNDLED_MATCHER, entities, matcherBytes: 0, matcherMs: 0, searchMs: 0 };
  }
  const version = `packs-${Date.now().toString(36)}-${entities}`;
  await db.meta.put({ key: MATCHER_KEY, value: { version, bytes } satisfies PackMatcher });
  return { version, entities, matcherBytes: bytes.byteLength, matcherMs, searchMs: 0 };
}

/** Rebuilds the combined matcher; returns the version to announce. */
export async function rebuildPackMatcher(
  db: LensDatabase,
  onStage?: (stage: BuildStage) => void,
  known?: ReadonlyMap<string, readonly PackEntity[]>,
): Promise<BuildFigures> {
  onStage?.('reading');
  const compiled = await compilePackMatcher(db, { known, onStage });
  onStage?.('saving');
  return saveCompiledMatcher(db, compiled);
}

/** Rebuilds the search data of the enabled packs' entities; can run beside rebuildPackMatcher. */
export async function rebuildPackSearch(
  db: LensDatabase,
  known?: ReadonlyMap<string, readonly PackEntity[]>,
): Promise<{ searchMs: number }> {
  // The bundled entities matter only by id here: their keys, not the records.
  const active = await activePacks(db, await bundledIds(db), { known });
  if (active.entities.length === 0) {
    await db.meta.delete(SEARCH_KEY);
    return { searchMs: 0 };
  }
  const t0 = performance.now();
  const data = buildSearchData(active.entities);
  const searchMs = performance.now() - t0;
  // Stored as JSON text: IndexedDB copies one string far faster than ~600k small objects,
  // and the popup parses it faster than it would deserialize them.
  const stored: StoredPackSearch = {
    version: `search-${Date.now().toString(36)}`,
    overridden: [...active.overridden],
    json: JSON.stringify(data),
  };
  await db.meta.put({ key: SEARCH_KEY, value: stored });
  return { searchMs };
}

/** Both, one after the other (the background and tests; the library page runs them in two workers). */
export async function rebuildPackData(
  db: LensDatabase,
  onStage?: (stage: BuildStage) => void,
  known?: ReadonlyMap<string, readonly PackEntity[]>,
): Promise<BuildFigures> {
  const figures = await rebuildPackMatcher(db, onStage, known);
  onStage?.('search');
  const { searchMs } = await rebuildPackSearch(db, known);
  // Only now, both built: the dataset they were built against (see packDataIsStale).
  await db.meta.put({ key: BUILT_FOR_KEY, value: await installedDatasetVersion(db) });
  return { ...figures, searchMs };
}

const BUILT_FOR_KEY = 'packDataBuiltForDataset';

/**
 * Whether the packs' matcher and search must be rebuilt: there are packs, and they were not
 * built against the bundled dataset installed now (a new dataset, or a rebuild that failed,
 * which is thus retried at the next start instead of never).
 */
export async function packDataIsStale(db: LensDatabase): Promise<boolean> {
  if ((await db.packs.count()) === 0) return false;
  return (await db.meta.get(BUILT_FOR_KEY))?.value !== (await installedDatasetVersion(db));
}

export async function readPackMatcher(db: LensDatabase): Promise<PackMatcher | null> {
  const row = await db.meta.get(MATCHER_KEY);
  return (row?.value as PackMatcher | undefined) ?? null;
}

export async function readPackSearch(db: LensDatabase): Promise<PackSearch | null> {
  const row = await db.meta.get(SEARCH_KEY);
  const stored = row?.value as StoredPackSearch | undefined;
  if (!stored) return null;
  return { version: stored.version, overridden: stored.overridden, data: JSON.parse(stored.json) as SearchData };
}
