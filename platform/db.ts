/**
 * The local database (IndexedDB through Dexie). Schema versions are a contract: every new
 * `version(n)` needs an upgrade test that starts from real data of version n-1
 * (tests/unit/library/db-upgrade.test.ts).
 *
 * v1  entities (bundled dataset, later packs), meta
 * v2  research library: pages, annotations, tags; entity packs: packs, packChunks (kept
 *     apart from the bundled entities, so a pack never overwrites them)
 */
import Dexie, { type Table } from 'dexie';
import type { Entity } from '../lib/dataset/schema';
import type { Annotation, SavedPage } from '../lib/annotations/model';

/** An entity as stored: the dataset record plus where it came from. */
export interface EntityRow extends Entity {
  /** "bundled": the shipped dataset (packs live in packChunks). */
  source: string;
}

export interface MetaRow {
  key: string;
  value: unknown;
}

/** A saved page, plus what the library filters on. */
export interface PageRow extends SavedPage {
  /** Host name, for the site filter. */
  site: string;
  /** Ids of `entities`, for the entity filter (a multi-entry index). */
  entityIds: string[];
}

/** An annotation, plus its tags lifted out of the body for the tag index. */
export interface AnnotationRow extends Annotation {
  tags: string[];
}

export interface TagRow {
  name: string;
  created: string;
}

/**
 * A slice of a user pack's entities (as the pack has them: languages may be missing), as JSON
 * text: a 100k-entity pack is 100 rows of 1,000, since IndexedDB pays per record and clones
 * strings far faster than nested objects. Chunk -1 holds the pack's ids, in entity order.
 */
export interface PackChunkRow {
  pack: string;
  chunk: number;
  json: string;
}

export interface PackRow {
  id: string;
  name: string;
  description?: string;
  /** The pack file's own date, kept for export. */
  createdAt?: string;
  enabled: boolean;
  /** Whether its entities replace bundled ones with the same id (the user said so). */
  overrides: boolean;
  entities: number;
  installedAt: string;
}

export class LensDatabase extends Dexie {
  entities!: Table<EntityRow, string>;
  meta!: Table<MetaRow, string>;
  pages!: Table<PageRow, string>;
  annotations!: Table<AnnotationRow, string>;
  tags!: Table<TagRow, string>;
  packs!: Table<PackRow, string>;
  packChunks!: Table<PackChunkRow, [string, number]>;

  constructor(name = 'context-lens') {
    super(name);
    this.version(1).stores({
      entities: 'id, kind, source',
      meta: 'key',
    });
    // v1 held only the bundled dataset and its version: nothing to carry over but the tables.
    this.version(2).stores({
      pages: 'url, updatedAt, site, *entityIds',
      annotations: 'id, pageUrl, entityId, *tags, modified',
      tags: 'name',
      packs: 'id',
      packChunks: '[pack+chunk]',
    });
  }
}

/** The schema version this code opens (the upgrade test checks it). */
export const SCHEMA_VERSION = 2;

export function annotationRow(annotation: Annotation): AnnotationRow {
  return { ...annotation, tags: [...new Set(annotation.body.tags)] };
}

export function pageRow(page: SavedPage): PageRow {
  let site = '';
  try {
    site = new URL(page.url).hostname;
  } catch {
    // canonical URLs always parse; keep '' for safety
  }
  return { ...page, site, entityIds: page.entities.map((e) => e.id) };
}

/** Whether an error means the browser refused to store more (disk or quota full). */
export function isQuotaError(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && depth < 4; depth++) {
    const name = (e as { name?: unknown }).name;
    if (name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED') return true;
    e = (e as { inner?: unknown }).inner ?? (e as { cause?: unknown }).cause;
  }
  return false;
}
