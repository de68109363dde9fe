/**
 * Every schema version upgrades from real data of the one before. v1 held the bundled dataset
 * (real records from data/entities) and its version; v2 adds the library and packs.
 */
// IndexedDB in Node, installed before Dexie reads the globals.
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Dexie from 'dexie';
import { describe, expect, test } from 'vitest';
import { LensDatabase, SCHEMA_VERSION } from '../../../platform/db';
import { installBundledDataset } from '../../../platform/dataset-install';
import { parseEntityFile } from '../../../lib/dataset/parse';
import type { Entity } from '../../../lib/dataset/schema';

const ROOT = join(import.meta.dirname, '../../..');
function realEntity(path: string): Entity {
  const { entity } = parseEntityFile(path, readFileSync(join(ROOT, path), 'utf8'));
  if (!entity) throw new Error(`cannot read ${path}`);
  return entity;
}
const REAL = [
  'data/entities/organization/unaoc.json',
  'data/entities/person/ban-ki-moon.json',
  'data/entities/place/turkiye.json',
].map(realEntity);

/** The v1 schema exactly as it shipped. */
function openV1(name: string): Dexie {
  const db = new Dexie(name);
  db.version(1).stores({ entities: 'id, kind, source', meta: 'key' });
  return db;
}

let n = 0;

describe('database upgrades', () => {
  test('the current schema version is 2', () => {
    expect(SCHEMA_VERSION).toBe(2);
    expect(new LensDatabase(`schema-${++n}`).verno).toBe(2);
  });

  test('v1 → v2 keeps the installed dataset and its version, and opens empty library tables', async () => {
    const name = `upgrade-${++n}`;
    const v1 = openV1(name);
    await v1.table('entities').bulkPut(REAL.map((e) => ({ ...e, source: 'bundled' })));
    await v1.table('meta').put({ key: 'bundledDatasetVersion', value: 'abc123' });
    v1.close();

    const db = new LensDatabase(name);
    await db.open();
    expect(db.verno).toBe(2);
    expect((await db.entities.toArray()).map((e) => e.id).sort()).toEqual(['ban-ki-moon', 'turkiye', 'unaoc']);
    expect((await db.entities.get('ban-ki-moon'))?.names.zh.name).toBe(REAL[1]!.names.zh.name);
    expect((await db.meta.get('bundledDatasetVersion'))?.value).toBe('abc123');
    expect(await db.pages.count()).toBe(0);
    expect(await db.annotations.count()).toBe(0);
    expect(await db.packs.count()).toBe(0);
    // The same version is not installed again after the upgrade.
    expect(
      await installBundledDataset(
        db,
        async () => 'abc123',
        async () => [],
      ),
    ).toBe(false);
    db.close();
  });

  test('a fresh install creates every table', async () => {
    const db = new LensDatabase(`fresh-${++n}`);
    await db.open();
    expect(db.tables.map((t) => t.name).sort()).toEqual([
      'annotations',
      'entities',
      'meta',
      'packChunks',
      'packs',
      'pages',
      'tags',
    ]);
    db.close();
  });
});
