/**
 * The local database (IndexedDB through Dexie). Schema versions are a contract: every new
 * `version(n)` needs an upgrade test that starts from real data of version n-1.
 */
import Dexie, { type Table } from 'dexie';
import type { Entity } from '../lib/dataset/schema';

/** An entity as stored: the dataset record plus where it came from. */
export interface EntityRow extends Entity {
  /** "bundled" for the shipped dataset; a pack id for user packs (issue 8). */
  source: string;
}

export interface MetaRow {
  key: string;
  value: unknown;
}

export class LensDatabase extends Dexie {
  entities!: Table<EntityRow, string>;
  meta!: Table<MetaRow, string>;

  constructor(name = 'context-lens') {
    super(name);
    this.version(1).stores({
      entities: 'id, kind, source',
      meta: 'key',
    });
  }
}
