/**
 * One pack import, start to end: parse and validate (pack file or Wikidata JSON), refuse ids
 * another pack has, ask about ids shared with the bundled dataset, install all or nothing, and
 * rebuild the matcher and pack search. Nothing is written unless the pack is valid and the
 * reader agreed. Runs in the library page's worker; tests run it in Node.
 */
import type { Kind } from '../lib/dataset/basics';
import type { Pack, PackEntity } from '../lib/packs/format';
import { dropEntities, parsePack, type PackProblem, type PackResult } from '../lib/packs/validate';
import { fromWikidata, wikidataPackId, type WikidataNote } from '../lib/packs/wikidata';
import type { LensDatabase } from './db';
import { bundledIds, conflictsWithPacks, installPack, type PendingPack } from './packs-store';
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
  | {
      type: 'installed';
      pack: { id: string; name: string; entities: number };
      notes: WikidataNote[];
      figures: BuildFigures;
      timings: ImportTimings;
    };

export interface ImportEvents {
  /** How to rebuild once installed (default: rebuildPackData, matcher then search, here). */
  rebuild?: (
    db: LensDatabase,
    onStage: (stage: BuildStage) => void,
    known: ReadonlyMap<string, readonly PackEntity[]>,
  ) => Promise<BuildFigures>;
  progress?: (stage: ImportStage, done?: number, total?: number) => void;
  /** Asked when the pack has ids of the bundled dataset. */
  confirm: (conflicts: string[], count: number) => Promise<Decision>;
}

/** A pack that passed every check and the reader's decision, ready to install. */
export interface PreparedPack {
  type: 'prepared';
  pack: Pack;
  overrides: boolean;
  notes: WikidataNote[];
  parseMs: number;
}

export type Refusal = Exclude<ImportOutcome, { type: 'installed' }>;

/**
 * Everything before the first write: parse and validate, refuse ids of other packs, ask about
 * bundled ids. Deterministic for one file and one decision, so two workers may each run it:
 * one installs, the other compiles the matcher meanwhile.
 */
export async function preparePack(
  db: LensDatabase,
  request: PackImportRequest,
  confirm: ImportEvents['confirm'],
): Promise<PreparedPack | Refusal> {
  const started = performance.now();
  const options = { bundledIds: await bundledIds(db), override: 'ask' as const };
  let notes: WikidataNote[] = [];
  let result: PackResult;
  if (request.source === 'wikidata') {
    const w = fromWikidata(request.text, {
      ...options,
      defaultKind: request.defaultKind,
      packName: request.packName,
      packId: wikidataPackId(request.text),
    });
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
    const choice = await confirm(ids.slice(0, 50), ids.length);
    if (choice === 'cancel') return { type: 'cancelled' };
    if (choice === 'skip') pack = dropEntities(pack, ids);
    overrides = choice === 'override';
    if (pack.entities.length === 0) return { type: 'cancelled' };
  }
  return { type: 'prepared', pack, overrides, notes, parseMs };
}

/**
 * What the matcher worker compiles from while the pack worker is still validating: for a pack
 * file, its entities as parsed, unchecked (the validator passes valid entities through as they
 * are, and the compile reads absent lists as empty, so a valid pack compiles the same either
 * way); for Wikidata JSON, the prepared pack. Conflicts with bundled ids are put to `confirm`
 * like preparePack does. null when there is nothing to compile or the reader cancelled; the
 * page discards the draft unless the pack worker installs the pack.
 */
export async function draftPack(
  db: LensDatabase,
  request: PackImportRequest,
  confirm: ImportEvents['confirm'],
): Promise<PendingPack | null> {
  if (request.source === 'wikidata') {
    const prepared = await preparePack(db, request, confirm);
    return prepared.type === 'prepared'
      ? { id: prepared.pack.id, overrides: prepared.overrides, entities: prepared.pack.entities }
      : null;
  }
  const text = request.text.charCodeAt(0) === 0xfeff ? request.text.slice(1) : request.text;
  let root: unknown;
  try {
    root = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof root !== 'object' || root === null) return null;
  const { id, entities } = root as { id?: unknown; entities?: unknown };
  if (typeof id !== 'string' || !Array.isArray(entities) || entities.length === 0) return null;
  const bundled = await bundledIds(db);
  const conflicts = [
    ...new Set(
      entities.map((e: { id?: unknown }) => e?.id).filter((x): x is string => typeof x === 'string' && bundled.has(x)),
    ),
  ];
  let kept = entities as PackEntity[];
  let overrides = false;
  if (conflicts.length) {
    const choice = await confirm(conflicts.slice(0, 50), conflicts.length);
    if (choice === 'cancel') return null;
    if (choice === 'skip') kept = kept.filter((e) => !bundled.has(e.id));
    overrides = choice === 'override';
  }
  return kept.length ? { id, overrides, entities: kept } : null;
}

export async function runPackImport(
  db: LensDatabase,
  request: PackImportRequest,
  events: ImportEvents,
): Promise<ImportOutcome> {
  const started = performance.now();
  events.progress?.('parsing');
  const prepared = await preparePack(db, request, events.confirm);
  if (prepared.type !== 'prepared') return prepared;
  const { pack, overrides, notes, parseMs } = prepared;

  const t1 = performance.now();
  events.progress?.('installing', 0, pack.entities.length);
  await installPack(db, pack, {
    overrides,
    now: new Date().toISOString(),
    onProgress: (done, total) => events.progress?.('installing', done, total),
  });
  const installMs = performance.now() - t1;
  const figures = await (events.rebuild ?? rebuildPackData)(
    db,
    (stage) => events.progress?.(stage),
    new Map([[pack.id, pack.entities]]),
  );
  return {
    type: 'installed',
    pack: { id: pack.id, name: pack.name, entities: pack.entities.length },
    notes: notes.slice(0, 200),
    figures,
    timings: {
      parseMs,
      installMs,
      matcherMs: figures.matcherMs,
      searchMs: figures.searchMs,
      totalMs: performance.now() - started,
    },
  };
}
