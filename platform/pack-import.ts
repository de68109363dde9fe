/**
 * One pack import, start to end: parse and validate (pack file or Wikidata JSON), refuse ids
 * another pack has, ask about ids shared with the bundled dataset, install all or nothing, and
 * rebuild the matcher and pack search. Nothing is written unless the pack is valid and the
 * reader agreed. Runs in the library page's worker; tests run it in Node.
 */
import type { Kind } from '../lib/dataset/schema';
import type { PackEntity } from '../lib/packs/format';
import { dropEntities, parsePack, type PackProblem, type PackResult } from '../lib/packs/validate';
import { fromWikidata, type WikidataNote } from '../lib/packs/wikidata';
import type { LensDatabase } from './db';
import { conflictsWithPacks, installPack } from './packs-store';
import { rebuildPackData, type BuildFigures, type BuildStage } from './pack-build';

export type PackSource = 'pack' | 'wikidata';
export type Decision = 'override' | 'skip' | 'cancel';
export type ImportStage = 'parsing' | 'installing' | BuildStage;

export interface PackImportRequest {
  text: string;
  source: PackSource;
  defaultKind?: Kind;
  packName?: string;
}

export interface ImportTimings {
  parseMs: number;
  installMs: number;
  matcherMs: number;
  searchMs: number;
  totalMs: number;
}

export type ImportOutcome =
  | { type: 'problems'; problems: PackProblem[]; problemCount: number }
  | { type: 'refused'; reason: 'other-pack'; ids: { id: string; pack: string }[] }
  | { type: 'cancelled' }
  | { type: 'installed'; pack: { id: string; name: string; entities: number }; notes: WikidataNote[]; figures: BuildFigures; timings: ImportTimings };

export interface ImportEvents {
  /** How to rebuild once installed (default: rebuildPackData, matcher then search, here). */
  rebuild?: (db: LensDatabase, onStage: (stage: BuildStage) => void, known: ReadonlyMap<string, readonly PackEntity[]>) => Promise<BuildFigures>;
  progress?: (stage: ImportStage, done?: number, total?: number) => void;
  /** Asked when the pack has ids of the bundled dataset. */
  confirm: (conflicts: string[], count: number) => Promise<Decision>;
}

async function bundledIds(db: LensDatabase): Promise<Set<string>> {
  return new Set((await db.entities.where('source').equals('bundled').primaryKeys()) as string[]);
}

export async function runPackImport(db: LensDatabase, request: PackImportRequest, events: ImportEvents): Promise<ImportOutcome> {
  const started = performance.now();
  events.progress?.('parsing');
  const options = { bundledIds: await bundledIds(db), override: 'ask' as const };
  let notes: WikidataNote[] = [];
  let result: PackResult;
  if (request.source === 'wikidata') {
    const w = fromWikidata(request.text, { ...options, defaultKind: request.defaultKind, packName: request.packName });
    notes = w.notes;
    result = w;
  } else result = parsePack(request.text, options);
  const parseMs = performance.now() - started;
  if (!result.ok) return { type: 'problems', problems: result.problems, problemCount: result.problemCount };

  let pack = result.pack;
  const others = await conflictsWithPacks(db, pack);
  if (others.otherPacks.length) return { type: 'refused', reason: 'other-pack', ids: others.otherPacks.slice(0, 50) };
  let overrides = false;
  if (result.needsConfirmation && result.conflicts.length) {
    const ids = result.conflicts.map((c) => c.id);
    const choice = await events.confirm(ids.slice(0, 50), ids.length);
    if (choice === 'cancel') return { type: 'cancelled' };
    if (choice === 'skip') pack = dropEntities(pack, ids);
    overrides = choice === 'override';
    if (pack.entities.length === 0) return { type: 'cancelled' };
  }

  const t1 = performance.now();
  events.progress?.('installing', 0, pack.entities.length);
  await installPack(db, pack, { overrides, now: new Date().toISOString(), onProgress: (done, total) => events.progress?.('installing', done, total) });
  const installMs = performance.now() - t1;
  const figures = await (events.rebuild ?? rebuildPackData)(db, (stage) => events.progress?.(stage), new Map([[pack.id, pack.entities]]));
  return {
    type: 'installed',
    pack: { id: pack.id, name: pack.name, entities: pack.entities.length },
    notes: notes.slice(0, 200),
    figures,
    timings: { parseMs, installMs, matcherMs: figures.matcherMs, searchMs: figures.searchMs, totalMs: performance.now() - started },
  };
}
