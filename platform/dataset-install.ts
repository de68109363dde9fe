/**
 * Installs the bundled dataset into IndexedDB, on install and update, only when its version
 * changed, in one transaction, touching nothing but the bundled entities.
 */
import type { Entity } from '../lib/dataset/schema';
import type { LensDatabase } from './db';

export interface BundledDataset {
  version: string;
  entities: Entity[];
}

const VERSION_KEY = 'bundledDatasetVersion';

export async function installedDatasetVersion(db: LensDatabase): Promise<string | null> {
  const row = await db.meta.get(VERSION_KEY);
  return typeof row?.value === 'string' ? row.value : null;
}

/** Returns true when it installed, false when that version was already there. */
export async function installBundledDataset(
  db: LensDatabase,
  readVersion: () => Promise<string>,
  readEntities: () => Promise<Entity[]>,
): Promise<boolean> {
  const version = await readVersion();
  if ((await installedDatasetVersion(db)) === version) return false;
  const entities = await readEntities();
  await db.transaction('rw', db.entities, db.meta, async () => {
    await db.entities.where('source').equals('bundled').delete();
    await db.entities.bulkPut(entities.map((e) => ({ ...e, source: 'bundled' })));
    await db.meta.put({ key: VERSION_KEY, value: version });
  });
  return true;
}
