/** Messages between the library page and its pack worker. */
import type { BuildFigures } from '../../platform/pack-build';
import type { Decision, ImportOutcome, ImportStage, PackImportRequest } from '../../platform/pack-import';

export type { PackSource } from '../../platform/pack-import';

export type ToWorker =
  | ({ type: 'import'; file: Blob } & Omit<PackImportRequest, 'text'>)
  /** The reader's answer about ids shared with the bundled dataset. */
  | { type: 'decide'; choice: Decision }
  | { type: 'rebuild' };

export type FromWorker =
  | { type: 'progress'; stage: ImportStage; done?: number; total?: number }
  | { type: 'confirm'; conflicts: string[]; count: number }
  | ImportOutcome
  | { type: 'rebuilt'; figures: BuildFigures }
  | { type: 'error'; reason: 'quota' | 'failed'; message: string };
