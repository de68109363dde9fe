/**
 * The library page's handle on its two pack workers, started on first use: the pack worker
 * validates, installs and indexes a pack for search; the matcher worker compiles the matcher
 * at the same time and saves it once the pack is installed. This module pairs their replies
 * into one stream of events for the panel.
 */
import type { BuildFigures } from '../../platform/pack-build';
import type { Decision, ImportOutcome } from '../../platform/pack-import';
import type { FromMatcherWorker, FromPackWorker, ToMatcherWorker, ToPackWorker } from './pack-messages';

type Installed = Extract<ImportOutcome, { type: 'installed' }>;

export type PackEvent =
  | Exclude<FromPackWorker, { type: 'installed' | 'search-rebuilt' }>
  /** Installed, with the matcher saved: figures and timings of both workers. */
  | Installed
  /** A pack was enabled, disabled or removed, and both rebuilds are saved. */
  | { type: 'rebuilt'; figures: BuildFigures };

type Job =
  | { kind: 'import'; started: number; installed?: Installed; matcher?: BuildFigures; dropped?: boolean }
  | { kind: 'rebuild'; searchMs?: number; matcher?: BuildFigures };

const listeners = new Set<(event: PackEvent) => void>();
const emit = (event: PackEvent): void => listeners.forEach((l) => l(event));
let job: Job | null = null;

function failed(message: string, reason: 'quota' | 'failed' = 'failed'): void {
  job = null;
  emit({ type: 'error', reason, message });
}

/** Ends the matcher worker's part of an import that installs nothing: its draft compile stops at once. */
function dropMatcherWorker(): void {
  matcherWorker?.terminate();
  matcherWorker = null;
}

function finishIfDone(): void {
  if (job?.kind === 'import' && job.installed && job.matcher) {
    const { installed, matcher, started } = job;
    job = null;
    emit({
      ...installed,
      figures: { ...matcher, searchMs: installed.figures.searchMs },
      timings: { ...installed.timings, matcherMs: matcher.matcherMs, totalMs: performance.now() - started },
    });
  } else if (job?.kind === 'rebuild' && job.searchMs !== undefined && job.matcher) {
    const figures = { ...job.matcher, searchMs: job.searchMs };
    job = null;
    emit({ type: 'rebuilt', figures });
  }
}

function onPackWorkerMessage(message: FromPackWorker): void {
  if (!job) return;
  if (message.type === 'installed') {
    if (job.kind !== 'import') return;
    job.installed = message;
    // The matcher worker refused what this one installed (the packs changed in between): compile anew.
    toMatcher(job.dropped ? { type: 'rebuild' } : { type: 'commit' });
    emit({ type: 'progress', stage: 'matcher' });
    return finishIfDone();
  }
  if (message.type === 'search-rebuilt') {
    if (job.kind === 'rebuild') job.searchMs = message.searchMs;
    return finishIfDone();
  }
  if (message.type === 'progress' || message.type === 'confirm') return emit(message);
  // Problems, refusal, cancel or an error: nothing was installed, so no matcher is saved.
  if (job.kind === 'import') dropMatcherWorker();
  job = null;
  emit(message);
}

function onMatcherWorkerMessage(message: FromMatcherWorker): void {
  if (!job) return;
  if (message.type === 'matcher-saved') {
    job.matcher = message.figures;
    return finishIfDone();
  }
  // A draft that could not be compiled (or failed before the install) is not the end of an
  // import: once the pack is installed, the matcher is rebuilt from it. Any other failure is shown.
  if (job.kind === 'import' && !job.dropped && (message.type === 'matcher-dropped' || !job.installed)) {
    job.dropped = true;
    if (job.installed) toMatcher({ type: 'rebuild' });
    return;
  }
  if (message.type === 'error') failed(message.message, message.reason);
  else failed('the matcher was not built');
}

/** Wires a new worker (constructed at the call site, where the bundler sees and emits it). */
function start(worker: Worker, onMessage: (data: never) => void): Worker {
  worker.onmessage = (event: MessageEvent) => onMessage(event.data as never);
  worker.onerror = (event) => {
    worker.terminate();
    if (packWorker === worker) packWorker = null;
    if (matcherWorker === worker) matcherWorker = null;
    if (job) failed(event.message);
  };
  return worker;
}

let packWorker: Worker | null = null;
let matcherWorker: Worker | null = null;

function toPack(message: ToPackWorker): void {
  packWorker ??= start(
    new Worker(new URL('./pack-worker.ts', import.meta.url), { type: 'module' }),
    onPackWorkerMessage,
  );
  packWorker.postMessage(message);
}

function toMatcher(message: ToMatcherWorker): void {
  matcherWorker ??= start(
    new Worker(new URL('./matcher-worker.ts', import.meta.url), { type: 'module' }),
    onMatcherWorkerMessage,
  );
  matcherWorker.postMessage(message);
}

/** Imports a pack file; the workers read it themselves (the page never holds its text). */
export function importPack(
  file: Blob,
  request: Omit<Extract<ToPackWorker, { type: 'import' }>, 'type' | 'file'>,
): void {
  job = { kind: 'import', started: performance.now() };
  const message = { type: 'import' as const, file, ...request };
  toPack(message);
  toMatcher(message);
}

/** The reader's answer about ids shared with the bundled dataset, for both workers. */
export function decide(choice: Decision): void {
  toPack({ type: 'decide', choice });
  toMatcher({ type: 'decide', choice });
}

/** Rebuilds the matcher and the search data after a pack was enabled, disabled or removed. */
export function rebuildPacks(): void {
  job = { kind: 'rebuild' };
  toPack({ type: 'rebuild' });
  toMatcher({ type: 'rebuild' });
}

export function onPackEvent(listener: (event: PackEvent) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
