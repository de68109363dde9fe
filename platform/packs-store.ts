/**
 * User packs in IndexedDB: installed all or nothing, enabled, disabled, removed and exported
 * without touching the bundled dataset, other packs or the research library. Entities are kept
 * in chunks of 1,000 (see PackChunkRow); lookups by id go through each pack's id list.
 */
import Dexie from 'dexie';
import type { Entity } from '../lib/dataset/schema';
import { displayEntity, PACK_FORMAT, PACK_VERSION, type Pack, type PackEntity } from '../lib/packs/format';
import type { LensDatabase, PackRow } from './db';
import { guarded } from './library-store';

export const CHUNK = 1_000;
const IDS = -1;

function chunksOf(db: LensDatabase, pack: string) {
  return db.packChunks.where('[pack+chunk]').between([pack, Dexie.minKey], [pack, Dexie.maxKey]);
}

/** A pack's ids in entity order (entity k is in chunk floor(k / CHUNK)). */
async function idsOf(db: LensDatabase, pack: string): Promise<string[]> {
  const row = await db.packChunks.get([pack, IDS]);
  return row ? (JSON.parse(row.json) as string[]) : [];
}

/** Every entity of a pack, in order. */
export async function packEntities(db: LensDatabase, pack: string): Promise<PackEntity[]> {
  const rows = await db.packChunks.where('[pack+chunk]').between([pack, 0], [pack, Dexie.maxKey]).toArray();
  return rows.flatMap((r) => JSON.parse(r.json) as PackEntity[]);
}

/** Ids of this pack that another installed pack already has. */
export async function conflictsWithPacks(
  db: LensDatabase,
  pack: Pack,
): Promise<{ otherPacks: { id: string; pack: string }[] }> {
  const mine = new Set(pack.entities.map((e) => e.id));
  const found: { id: string; pack: string }[] = [];
  for (const other of await db.packs.toArray()) {
    if (other.id === pack.id) continue;
    for (const id of await idsOf(db, other.id)) if (mine.has(id)) found.push({ id, pack: other.id });
  }
  return { otherPacks: found };
}

/**
 * Installs (or replaces) a pack in one transaction. `overrides`: its entities replace bundled
 * ones with the same id (the user said so). Reports progress as entities written.
 */
export async function installPack(
  db: LensDatabase,
  pack: Pack,
  options: { overrides: boolean; now: string; onProgress?: (done: number, total: number) => void },
): Promise<void> {
  const total = pack.entities.length;
  await guarded(() =>
    db.transaction('rw', db.packs, db.packChunks, async () => {
      await chunksOf(db, pack.id).delete();
      await db.packChunks.put({ pack: pack.id, chunk: IDS, json: JSON.stringify(pack.entities.map((e) => e.id)) });
      for (let i = 0; i < total; i += CHUNK) {
        await db.packChunks.put({
          pack: pack.id,
          chunk: i / CHUNK,
          json: JSON.stringify(pack.entities.slice(i, i + CHUNK)),
        });
        if ((i / CHUNK) % 5 === 4 || i + CHUNK >= total) options.onProgress?.(Math.min(i + CHUNK, total), total);
      }
      const row: PackRow = {
        id: pack.id,
        name: pack.name,
        ...(pack.description ? { description: pack.description } : {}),
        ...(pack.createdAt ? { createdAt: pack.createdAt } : {}),
        enabled: true,
        overrides: options.overrides,
        entities: total,
        installedAt: options.now,
      };
      await db.packs.put(row);
    }),
  );
}

export async function listPacks(db: LensDatabase): Promise<PackRow[]> {
  return (await db.packs.toArray()).sort((a, b) => a.name.localeCompare(b.name));
}

export async function setPackEnabled(db: LensDatabase, id: string, enabled: boolean): Promise<void> {
  await db.packs.update(id, { enabled });
}

export async function removePack(db: LensDatabase, id: string): Promise<void> {
  await db.transaction('rw', db.packs, db.packChunks, async () => {
    await chunksOf(db, id).delete();
    await db.packs.delete(id);
  });
}

/** The pack as a file in the pack format, as it was installed. */
export async function exportPack(db: LensDatabase, id: string): Promise<Pack | null> {
  const row = await db.packs.get(id);
  if (!row) return null;
  return {
    format: PACK_FORMAT,
    version: PACK_VERSION,
    id: row.id,
    name: row.name,
    ...(row.description ? { description: row.description } : {}),
    ...(row.createdAt ? { createdAt: row.createdAt } : {}),
    entities: await packEntities(db, id),
  };
}

export interface ActivePacks {
  entities: PackEntity[];
  /** Bundled ids replaced by an enabled pack that overrides. */
  overridden: Set<string>;
}

/** The bundled dataset's ids (keys only: no entity is read). */
export async function bundledIds(db: LensDatabase): Promise<Set<string>> {
  return new Set((await db.entities.where('source').equals('bundled').primaryKeys()) as string[]);
}

/** A pack about to be installed, taken as enabled (replacing an installed pack of its id). */
export interface PendingPack {
  id: string;
  overrides: boolean;
  entities: readonly PackEntity[];
}

/**
 * The enabled packs' entities (a bundled id only where its pack overrides). `known` gives the
 * entities of packs already in memory; `pending` counts a pack that is not installed yet.
 */
export async function activePacks(
  db: LensDatabase,
  bundledIds?: ReadonlySet<string>,
  options: { known?: ReadonlyMap<string, readonly PackEntity[]>; pending?: PendingPack } = {},
): Promise<ActivePacks> {
  const { known, pending } = options;
  const rows: { id: string; overrides: boolean }[] = (await db.packs.toArray()).filter(
    (p) => p.enabled && p.id !== pending?.id,
  );
  if (pending) {
    // Where the table will have it once installed (primary-key order: code units, as `<`), so
    // a matcher compiled before the install numbers entities as one compiled after it.
    const at = rows.findIndex((p) => pending.id < p.id);
    rows.splice(at < 0 ? rows.length : at, 0, pending);
  }
  const entities: PackEntity[] = [];
  const overridden = new Set<string>();
  for (const pack of rows) {
    const own = pack.id === pending?.id ? pending.entities : known?.get(pack.id);
    for (const entity of own ?? (await packEntities(db, pack.id))) {
      if (bundledIds?.has(entity.id)) {
        if (!pack.overrides) continue; // installed before the bundled dataset gained this id: bundled wins
        overridden.add(entity.id);
      }
      entities.push(entity);
    }
  }
  return { entities, overridden };
}

/** Where each id of the enabled packs is, cached per set of installed packs (cards ask often). */
let locator: { key: string; at: Map<string, { pack: PackRow; chunk: number }> } | null = null;

async function locate(db: LensDatabase): Promise<Map<string, { pack: PackRow; chunk: number }>> {
  const packs = (await db.packs.toArray()).filter((p) => p.enabled);
  const key = packs.map((p) => `${p.id}@${p.installedAt}:${p.overrides}`).join('|');
  if (locator?.key === key) return locator.at;
  const at = new Map<string, { pack: PackRow; chunk: number }>();
  // Overriding packs last, so they win an id both have.
  for (const pack of [...packs].sort((a, b) => Number(a.overrides) - Number(b.overrides))) {
    (await idsOf(db, pack.id)).forEach((id, k) => at.set(id, { pack, chunk: Math.floor(k / CHUNK) }));
  }
  locator = { key, at };
  return at;
}

/**
 * Entity records by id for cards and the popup: an enabled overriding pack first, then the
 * bundled dataset, then any enabled pack. Pack entities get every language filled for display,
 * and the name of their pack.
 */
export async function resolveEntities(
  db: LensDatabase,
  ids: string[],
): Promise<{ entities: Entity[]; packOf: Record<string, string> }> {
  const bundled = await db.entities.bulkGet(ids);
  const at = (await db.packs.count()) > 0 ? await locate(db) : new Map<string, { pack: PackRow; chunk: number }>();
  const chunks = new Map<string, Promise<PackEntity[]>>();
  const chunk = (pack: string, n: number) => {
    const key = `${pack}\u0000${n}`;
    if (!chunks.has(key))
      chunks.set(
        key,
        db.packChunks.get([pack, n]).then((r) => (r ? (JSON.parse(r.json) as PackEntity[]) : [])),
      );
    return chunks.get(key)!;
  };
  const entities: Entity[] = [];
  const packOf: Record<string, string> = {};
  for (const [i, id] of ids.entries()) {
    const base = bundled[i];
    const where = at.get(id);
    if (where && (where.pack.overrides || !base)) {
      const found = (await chunk(where.pack.id, where.chunk)).find((e) => e.id === id);
      if (found) {
        entities.push(displayEntity(found));
        packOf[id] = where.pack.name;
        continue;
      }
    }
    if (base) {
      const { source: _source, ...entity } = base;
      entities.push(entity);
    }
  }
  return { entities, packOf };
}
