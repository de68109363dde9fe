// IndexedDB in Node, installed before Dexie reads the globals.
import 'fake-indexeddb/auto';
import { describe, expect, test } from 'vitest';
import { LensDatabase } from '../../platform/db';
import { installBundledDataset, installedDatasetVersion } from '../../platform/dataset-install';
import type { Entity } from '../../lib/dataset/schema';

function entity(id: string, summary = 'A body of the United Nations, founded in 1945.'): Entity {
  const names = { name: id, aliases: [], summary };
  return {
    id,
    kind: 'organization',
    names: {
      en: names,
      fr: { ...names, summary: `${summary} (fr)` },
      es: { ...names, summary: `${summary} (es)` },
      ru: { ...names, summary: `${summary} (ru)` },
      zh: { ...names, summary: `${summary} (zh)` },
      ar: { ...names, summary: `${summary} (ar)` },
    },
    facts: {},
    related: [],
    sources: ['https://www.un.org/'],
    reviewed: '2026-11-22',
  };
}

let n = 0;
const freshDb = () => new LensDatabase(`test-${++n}`);

describe('installing the bundled dataset', () => {
  test('installs on first run and records the version', async () => {
    const db = freshDb();
    expect(
      await installBundledDataset(
        db,
        async () => 'v1',
        async () => [entity('a'), entity('b')],
      ),
    ).toBe(true);
    expect(await db.entities.count()).toBe(2);
    expect(await installedDatasetVersion(db)).toBe('v1');
  });

  test('does nothing when the version did not change', async () => {
    const db = freshDb();
    await installBundledDataset(
      db,
      async () => 'v1',
      async () => [entity('a')],
    );
    let read = false;
    const installed = await installBundledDataset(
      db,
      async () => 'v1',
      async () => {
        read = true;
        return [];
      },
    );
    expect(installed).toBe(false);
    expect(read).toBe(false);
  });

  test('replaces bundled entities on a new version but keeps user packs', async () => {
    const db = freshDb();
    await installBundledDataset(
      db,
      async () => 'v1',
      async () => [entity('a'), entity('gone')],
    );
    await db.packChunks.put({ pack: 'newsroom', chunk: 0, json: JSON.stringify([entity('mine')]) });
    await installBundledDataset(
      db,
      async () => 'v2',
      async () => [entity('a', 'A body founded in 1946 instead.')],
    );
    expect((await db.entities.toArray()).map((e) => e.id).sort()).toEqual(['a']);
    expect(await db.packChunks.count()).toBe(1);
    expect((await db.entities.get('a'))?.names.en.summary).toMatch(/1946/);
  });

  test('a failure while reading leaves the installed dataset as it was', async () => {
    const db = freshDb();
    await installBundledDataset(
      db,
      async () => 'v1',
      async () => [entity('a')],
    );
    await expect(
      installBundledDataset(
        db,
        async () => 'v2',
        async () => {
          throw new Error('disk read failed');
        },
      ),
    ).rejects.toThrow('disk read failed');
    expect(await installedDatasetVersion(db)).toBe('v1');
    expect(await db.entities.count()).toBe(1);
  });
});
