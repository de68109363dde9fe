/**
 * User packs in IndexedDB: installed all or nothing, enabled, disabled, removed and exported
 * without touching the bundled dataset, other packs or the research library.
 */
import type { Entity } from '../lib/dataset/schema';
import { displayEntity, PACK_FORMAT, PACK_VERSION, type Pack, type PackEntity } from '../lib/packs/format';
import { isQuotaError, type LensDatabase, type PackRow } from './db';
import { LibraryError } from './library-store';

const CHUNK = 5_000;

export interface PackConflictInfo {
  /** Ids the pack shares with another installed pack (refused: packs never override packs). */
  otherPacks: { id: string; pack: string }[];
}

/** Ids of this pack that another installed pack already has. */
export async function conflictsWithPacks(db: LensDatabase, pack: Pack): Promise<PackConflictInfo> {
  const ids = pack.entities.map((e) => e.id);
  const found: { id: string; pack: string }[] = [];
  for (let i = 0; i < ids.length; i += CHUNK) {
    const rows = await db.packEntities.where('id').anyOf(ids.slice(i, i + CHUNK)).toArray();
    for (const row of rows) if (row.pack !== pack.id) found.push({ id: row.id, pack: row.pack });
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
  try {
    await db.transaction('rw', db.packs, db.packEntities, async () => {
      await db.packEntities.where('pack').equals(pack.id).delete();
      for (let i = 0; i < total; i += CHUNK) {
        await db.packEntities.bulkPut(pack.entities.slice(i, i + CHUNK).map((entity) => ({ pack: pack.id, id: entity.id, entity })));
        options.onProgress?.(Math.min(i + CHUNK, total), total);
      }
      const row: PackRow = {
        id: pack.id,
        name: pack.name,
        ...(pack.description ? { description: pack.description } : {}),
        enabled: true,
        overrides: options.overrides,
        entities: total,
        installedAt: options.now,
      };
      await db.packs.put(row);
    });
  } catch (error) {
    throw new LibraryError(isQuotaError(error) ? 'quota' : 'failed', error);
  }
}

export async function listPacks(db: LensDatabase): Promise<PackRow[]> {
  return (await db.packs.toArray()).sort((a, b) => a.name.localeCompare(b.name));
}

export async function setPackEnabled(db: LensDatabase, id: string, enabled: boolean): Promise<void> {
  await db.packs.update(id, { enabled });
}

export async function removePack(db: LensDatabase, id: string): Promise<void> {
  await db.transaction('rw', db.packs, db.packEntities, async () => {
    await db.packEntities.where('pack').equals(id).delete();
    await db.packs.delete(id);
  });
}

/** The pack as a file in the pack format, as it was installed. */
export async function exportPack(db: LensDatabase, id: string): Promise<Pack | null> {
  const row = await db.packs.get(id);
  if (!row) return null;
  const entities = (await db.packEntities.where('pack').equals(id).toArray()).map((r) => r.entity);
  return {
    format: PACK_FORMAT,
    version: PACK_VERSION,
    id: row.id,
    name: row.name,
    ...(row.description ? { description: row.description } : {}),
    entities,
  };
}

export interface ActivePacks {
  packs: PackRow[];
  entities: PackEntity[];
  /** Bundled ids replaced by an enabled pack that overrides. */
  overridden: Set<string>;
}

export async function activePacks(db: LensDatabase, bundledIds?: ReadonlySet<string>): Promise<ActivePacks> {
  const packs = (await db.packs.toArray()).filter((p) => p.enabled);
  const entities: PackEntity[] = [];
  const overridden = new Set<string>();
  for (const pack of packs) {
    const rows = await db.packEntities.where('pack').equals(pack.id).toArray();
    for (const row of rows) {
      if (bundledIds?.has(row.id)) {
        if (!pack.overrides) continue; // installed before the bundled dataset gained this id: bundled wins
        overridden.add(row.id);
      }
      entities.push(row.entity);
    }
  }
  return { packs, entities, overridden };
}

/**
 * Entity records by id for cards and the popup: an enabled overriding pack first, then the
 * bundled dataset, then any enabled pack. Pack entities get every language filled for display,
 * and the name of their pack.
 */
export async function resolveEntities(db: LensDatabase, ids: string[]): Promise<{ entities: Entity[]; packOf: Record<string, string> }> {
  const bundled = await db.entities.bulkGet(ids);
  const packRows = await db.packEntities.where('id').anyOf(ids).toArray();
  const packs = new Map((await db.packs.toArray()).map((p) => [p.id, p]));
  const entities: Entity[] = [];
  const packOf: Record<string, string> = {};
  ids.forEach((id, i) => {
    const fromPacks = packRows.filter((r) => r.id === id && packs.get(r.pack)?.enabled);
    const overriding = fromPacks.find((r) => packs.get(r.pack)?.overrides);
    const base = bundled[i];
    const chosen = overriding ?? (base ? null : fromPacks[0]);
    if (chosen) {
      entities.push(displayEntity(chosen.entity));
      packOf[id] = packs.get(chosen.pack)?.name ?? chosen.pack;
    } else if (base) {
      const { source: _source, ...entity } = base;
      entities.push(entity);
    }
  });
  return { entities, packOf };
}
