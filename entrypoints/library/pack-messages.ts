/** Messages between the library page and its two pack workers (pack-worker.ts, matcher-worker.ts). */
import { LibraryError } from '../../platform/library-store';
import type { BuildFigures } from '../../platform/pack-build';
import type { Decision, ImportOutcome, ImportStage, PackImportRequest } from '../../platform/pack-import';

export type { PackSource } from '../../platform/pack-import';

type ImportMessage = { type: 'import'; file: Blob } & Omit<PackImportRequest, 'text'>;

export type ToPackWorker =
  | ImportMessage
  /** The reader's answer about ids shared with the bundled dataset. */
  | { type: 'decide'; choice: Decision }
  /** Rebuild the packs' search data after a pack was enabled, disabled or removed. */
  | { type: 'rebuild' };

/** A worker's failure, as both workers report it: whether the disk was full, and why. */
export type WorkerError = { type: 'error'; reason: 'quota' | 'failed'; message: string };

export function workerError(error: unknown): WorkerError {
  return {
    type: 'error',
    reason: error instanceof LibraryError ? error.reason : 'failed',
    message: error instanceof Error ? error.message : String(error),
  };
}

export type FromPackWorker =
  | { type: 'progress'; stage: ImportStage; done?: number; total?: number }
  | { type: 'confirm'; conflicts: string[]; count: number }
  | ImportOutcome
  | { type: 'search-rebuilt'; searchMs: number }
  | WorkerError;

export type ToMatcherWorker =
  | ImportMessage
  | { type: 'decide'; choice: Decision }
  /** The pack is installed: save the matcher compiled for it. (An import that ends otherwise terminates the worker.) */
  | { type: 'commit' }
  /** Recompile for the packs as they are now, and save. */
  | { type: 'rebuild' };

export type FromMatcherWorker =
  | { type: 'matcher-saved'; figures: BuildFigures }
  /** Nothing to compile for this import (unreadable file, cancelled, or the compile failed): nothing saved. */
  | { type: 'matcher-dropped' }
  | WorkerError;
