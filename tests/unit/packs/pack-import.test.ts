/**
 * The whole import in Node with fake IndexedDB: every malformed or hostile pack is refused with
 * a message and leaves the database exactly as it was; a good pack is installed, found by the
 * matcher and resolved with its pack name; conflicts ask; disable and remove undo it.
 */
// IndexedDB in Node, installed before Dexie reads the globals.
import 'fake-indexeddb/auto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { LensDatabase } from '../../../platform/db';
import { draftPack, preparePack, runPackImport, type Decision } from '../../../platform/pack-import';
import {
  compilePackMatcher,
  packDataIsStale,
  readPackMatcher,
  readPackSearch,
  rebuildPackData,
  rebuildPackMatcher,
  saveCompiledMatcher,
} from '../../../platform/pack-build';
import { installBundledDataset } from '../../../platform/dataset-install';
import {
  activePacks,
  exportPack,
  listPacks,
  removePack,
  resolveEntities,
  setPackEnabled,
} from '../../../platform/packs-store';
import { generatePack } from '../../../scripts/bench/generated-pack';
import { saveAnnotation } from '../../../platform/library-store';
import { parseEntityFile } from '../../../lib/dataset/parse';
import { findMentions, loadMatcher } from '../../../lib/match';
import { loadSearcher } from '../../../lib/search';
import { newAnnotationId } from '../../../lib/annotations/model';
import type { Entity } from '../../../lib/dataset/schema';

const ROOT = join(import.meta.dirname, '../../..');
const BAD = join(ROOT, 'tests/fixtures/packs/bad');
const GOOD = readFileSync(join(ROOT, 'tests/fixtures/packs/good/minimal.json'), 'utf8');

function real(path: string): Entity {
  const { entity } = parseEntityFile(path, readFileSync(join(ROOT, path), 'utf8'));
  if (!entity) throw new Error(path);
  return entity;
}
const BUNDLED = [
  'data/entities/organization/unaoc.json',
  'data/entities/person/ban-ki-moon.json',
  'data/entities/organization/united-nations.json',
].map(real);

let n = 0;
async function freshDb(): Promise<LensDatabase> {
  const db = new LensDatabase(`packs-${++n}`);
  await db.entities.bulkPut(BUNDLED.map((e) => ({ ...e, source: 'bundled' })));
  const page = {
    url: 'https://news.un.org/x',
    title: 'x',
    lang: 'en',
    savedAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    entities: [],
  };
  await saveAnnotation(db, page, {
    id: newAnnotationId(),
    pageUrl: page.url,
    target: {
      source: page.url,
      selector: [
        { type: 'TextQuoteSelector', exact: 'x', prefix: '', suffix: '' },
        { type: 'TextPositionSelector', start: 0, end: 1 },
      ],
    },
    body: { note: 'mine', tags: [] },
    motivation: 'commenting',
    created: page.savedAt,
    modified: page.savedAt,
  });
  return db;
}

async function snapshot(db: LensDatabase): Promise<string> {
  const tables = await Promise.all(db.tables.map(async (t) => [t.name, await t.toArray()] as const));
  return JSON.stringify(tables);
}

const never = async (): Promise<Decision> => {
  throw new Error('should not ask');
};

describe('importing packs end to end', () => {
  const bad = readdirSync(BAD).filter((f) => f.endsWith('.json'));

  test('there are at least 30 bad packs', () => expect(bad.length).toBeGreaterThanOrEqual(30));

  test.each(bad)('%s is refused with a message and changes nothing', async (file) => {
    const db = await freshDb();
    const before = await snapshot(db);
    const text = readFileSync(join(BAD, file), 'utf8');
    const source = file.startsWith('wikidata-') ? 'wikidata' : 'pack';
    const outcome = await runPackImport(db, { text, source }, { confirm: never });
    expect(outcome.type).toBe('problems');
    if (outcome.type === 'problems') expect(outcome.problems[0]!.message.length).toBeGreaterThan(5);
    expect(await snapshot(db)).toBe(before);
  });

  test('a 10 MB summary is refused quickly and changes nothing', async () => {
    const db = await freshDb();
    const before = await snapshot(db);
    const pack = JSON.parse(GOOD);
    pack.entities[0].names.en.summary = 'x'.repeat(10 * 1024 * 1024);
    const outcome = await runPackImport(db, { text: JSON.stringify(pack), source: 'pack' }, { confirm: never });
    expect(outcome.type).toBe('problems');
    expect(await snapshot(db)).toBe(before);
  });

  test('a good pack is installed, matched, searchable and shown with its pack name', async () => {
    const db = await freshDb();
    const stages: string[] = [];
    const outcome = await runPackImport(
      db,
      { text: GOOD, source: 'pack' },
      { confirm: never, progress: (s) => stages.push(s) },
    );
    expect(outcome.type).toBe('installed');
    expect(stages).toEqual(expect.arrayContaining(['parsing', 'installing', 'matcher', 'search', 'saving']));
    const stored = await readPackMatcher(db);
    expect(stored).not.toBeNull();
    const matcher = loadMatcher(stored!.bytes);
    const ids = findMentions(matcher, 'Example alpha met Ban Ki-moon at the United Nations.').map((m) => m.id);
    expect(ids).toEqual(expect.arrayContaining(['alpha', 'ban-ki-moon', 'united-nations']));
    const search = await readPackSearch(db);
    expect(loadSearcher(search!.data).search('exampel alpha')[0]?.id).toBe('alpha');
    const { entities, packOf } = await resolveEntities(db, ['alpha', 'ban-ki-moon']);
    expect(entities.map((e) => e.id)).toEqual(['alpha', 'ban-ki-moon']);
    expect(packOf).toEqual({ alpha: 'Test pack' });
    expect(entities[0]!.names.ar.name).toBe(entities[0]!.names.en.name); // filled for display
  });

  test('ids shared with the bundled dataset are asked about: skip keeps bundled, override replaces', async () => {
    const pack = JSON.parse(GOOD);
    pack.entities.push({
      ...pack.entities[0],
      id: 'unaoc',
      related: [],
      names: { en: { name: 'My own Alliance entry' } },
    });
    const text = JSON.stringify(pack);

    const skipDb = await freshDb();
    const asked: string[][] = [];
    await runPackImport(skipDb, { text, source: 'pack' }, { confirm: async (ids) => (asked.push(ids), 'skip') });
    expect(asked).toEqual([['unaoc']]);
    expect((await resolveEntities(skipDb, ['unaoc'])).packOf).toEqual({});

    const overrideDb = await freshDb();
    await runPackImport(overrideDb, { text, source: 'pack' }, { confirm: async () => 'override' });
    const resolved = await resolveEntities(overrideDb, ['unaoc']);
    expect(resolved.packOf).toEqual({ unaoc: 'Test pack' });
    expect(resolved.entities[0]!.names.en.name).toBe('My own Alliance entry');

    const cancelDb = await freshDb();
    const before = await snapshot(cancelDb);
    expect((await runPackImport(cancelDb, { text, source: 'pack' }, { confirm: async () => 'cancel' })).type).toBe(
      'cancelled',
    );
    expect(await snapshot(cancelDb)).toBe(before);
  });

  test('another pack with the same ids is refused; disabling and removing restore the bundled matcher', async () => {
    const db = await freshDb();
    await runPackImport(db, { text: GOOD, source: 'pack' }, { confirm: never });
    const other = JSON.parse(GOOD);
    other.id = 'other-pack';
    const refused = await runPackImport(db, { text: JSON.stringify(other), source: 'pack' }, { confirm: never });
    expect(refused.type).toBe('refused');

    await setPackEnabled(db, 'test-pack', false);
    expect((await rebuildPackData(db)).version).toBe('bundled');
    expect(await readPackMatcher(db)).toBeNull();
    expect((await activePacks(db)).entities).toEqual([]);
    await setPackEnabled(db, 'test-pack', true);
    expect((await rebuildPackData(db)).version).not.toBe('bundled');
    await removePack(db, 'test-pack');
    expect(await db.packChunks.count()).toBe(0);
    expect(await db.annotations.count()).toBe(1); // the reader's notes are never touched
  });

  test('a pack of several chunks is found by id and exported as it was installed', async () => {
    const db = await freshDb();
    const pack = generatePack(2_500, 3);
    const outcome = await runPackImport(
      db,
      { text: JSON.stringify(pack), source: 'pack' },
      { confirm: async () => 'skip' },
    );
    expect(outcome.type).toBe('installed');
    const id = pack.entities[2_200]!.id;
    const { entities, packOf } = await resolveEntities(db, [id, 'unaoc']);
    expect(entities.map((e) => e.id)).toEqual([id, 'unaoc']);
    expect(packOf[id]).toBe(pack.name);
    expect(await exportPack(db, pack.id)).toEqual(pack);
  });

  test('a real Wikidata file becomes a pack', async () => {
    const db = await freshDb();
    const text = readFileSync(join(ROOT, '../shared/corpus/wikidata/Q2112.json'), 'utf8');
    const outcome = await runPackImport(
      db,
      { text, source: 'wikidata', defaultKind: 'place', packName: 'Wikidata test' },
      { confirm: async () => 'skip' },
    );
    expect(outcome.type).toBe('installed');
  });

  test('the packs are rebuilt at a start whose dataset they were not built for, until a rebuild succeeds', async () => {
    const db = await freshDb();
    expect(await packDataIsStale(db)).toBe(false); // no packs
    await runPackImport(db, { text: GOOD, source: 'pack' }, { confirm: async () => 'skip' });
    expect(await packDataIsStale(db)).toBe(false); // built by the import
    await installBundledDataset(
      db,
      async () => 'a-newer-dataset',
      async () => BUNDLED,
    );
    expect(await packDataIsStale(db)).toBe(true); // what the background checks at start
    // A rebuild that fails leaves it stale, so the next start tries again.
    const failing = Object.create(db, {
      packs: { get: () => ({ ...db.packs, toArray: () => Promise.reject(new Error('disk')) }) },
    }) as LensDatabase;
    await expect(rebuildPackData(failing)).rejects.toThrow();
    expect(await packDataIsStale(db)).toBe(true);
    await rebuildPackData(db);
    expect(await packDataIsStale(db)).toBe(false);
  });

  test('two Wikidata files are two packs; the same file again replaces its own', async () => {
    const db = await freshDb();
    const read = (q: string) => readFileSync(join(ROOT, `../shared/corpus/wikidata/${q}.json`), 'utf8');
    const importIt = (text: string) =>
      runPackImport(
        db,
        { text, source: 'wikidata', defaultKind: 'place', packName: 'Wikidata test' },
        { confirm: async () => 'skip' },
      );
    expect((await importIt(read('Q2112'))).type).toBe('installed');
    expect((await importIt(read('Q217447'))).type).toBe('installed');
    expect((await importIt(read('Q2112'))).type).toBe('installed');
    const ids = (await listPacks(db)).map((p) => p.id);
    expect(ids).toHaveLength(2);
    expect(ids.every((id) => id.startsWith('wikidata-'))).toBe(true);
  });

  test('the matcher compiled while a pack is being installed is the one rebuilt after it', async () => {
    // The library page compiles in a second worker from its own preparePack, before the
    // install commits: for a new pack, a re-imported one, an overriding one and beside a
    // disabled one, those bytes must equal a rebuild from the database afterwards.
    const db = await freshDb();
    await runPackImport(
      db,
      { text: JSON.stringify(generatePack(300, 5)), source: 'pack' },
      { confirm: async () => 'skip' },
    );
    await setPackEnabled(db, generatePack(300, 5).id, false);
    const first = JSON.parse(GOOD);
    const again = JSON.parse(GOOD);
    again.entities[0].names.en.aliases = [{ text: 'Brand new alias' }];
    const overriding = JSON.parse(GOOD);
    overriding.id = 'overriding-pack';
    overriding.entities = [
      { ...overriding.entities[0], id: 'unaoc', related: [], names: { en: { name: 'My own Alliance entry' } } },
    ];
    const imports = [
      { pack: first, choice: 'skip' as const },
      { pack: again, choice: 'skip' as const },
      { pack: overriding, choice: 'override' as const },
    ];
    for (const { pack, choice } of imports) {
      const request = { text: JSON.stringify(pack), source: 'pack' as const };
      const prepared = await preparePack(db, request, async () => choice);
      if (prepared.type !== 'prepared') throw new Error(prepared.type);
      const early = await compilePackMatcher(db, {
        pending: { id: prepared.pack.id, overrides: prepared.overrides, entities: prepared.pack.entities },
      });
      // The matcher worker's draft: the file as parsed, unchecked, with the same decision.
      const draft = await draftPack(db, request, async () => choice);
      const drafted = await compilePackMatcher(db, { pending: draft! });
      const outcome = await runPackImport(db, request, { confirm: async () => choice });
      expect(outcome.type).toBe('installed');
      const rebuilt = await compilePackMatcher(db);
      expect(early.bytes).not.toBeNull();
      expect(Buffer.from(early.bytes!).equals(Buffer.from(rebuilt.bytes!))).toBe(true);
      expect(Buffer.from(drafted.bytes!).equals(Buffer.from(rebuilt.bytes!))).toBe(true);
      const figures = await saveCompiledMatcher(db, early);
      expect((await readPackMatcher(db))?.version).toBe(figures.version);
    }
    await setPackEnabled(db, 'test-pack', false);
    await setPackEnabled(db, 'overriding-pack', false);
    expect((await rebuildPackMatcher(db)).version).toBe('bundled');
  });

  test('a draft is null where there is nothing to compile; bad packs never get further than the draft', async () => {
    const db = await freshDb();
    const draft = (text: string, choice: Decision = 'skip') =>
      draftPack(db, { text, source: 'pack' }, async () => choice);
    expect(await draft('{ not json')).toBeNull();
    expect(await draft('[1, 2]')).toBeNull();
    expect(await draft('{"id": "x", "entities": []}')).toBeNull();
    const clash = JSON.stringify({ id: 'x', entities: [{ id: 'unaoc', names: { en: { name: 'Mine' } } }] });
    expect(await draft(clash, 'skip')).toBeNull(); // nothing left
    expect(await draft(clash, 'cancel')).toBeNull();
    expect((await draft(clash, 'override'))?.overrides).toBe(true);
    // A hostile file may reach the compile unchecked (the page discards the result): it must not hang.
    for (const file of bad) {
      const text = readFileSync(join(BAD, file), 'utf8');
      const pending = await draftPack(
        db,
        { text, source: file.startsWith('wikidata') ? 'wikidata' : 'pack' },
        async () => 'skip',
      );
      if (pending) await compilePackMatcher(db, { pending }).catch(() => null);
    }
  }, 60_000);
});
