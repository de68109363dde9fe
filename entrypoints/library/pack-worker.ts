/**
 * The pack import in a worker, so the library page stays responsive: validate, ask, install,
 * then build the packs' search data from the entities in memory (platform/pack-import.ts does
 * the work; this file relays messages). The matcher is compiled by matcher-worker.ts meanwhile.
 */
import { LensDatabase } from '../../platform/db';
import { rebuildPackSearch } from '../../platform/pack-build';
import { runPackImport, type Decision } from '../../platform/pack-import';
import { workerError, type FromPackWorker, type ToPackWorker } from './pack-messages';

const db = new LensDatabase();
const post = (message: FromPackWorker) => (self as unknown as Worker).postMessage(message);
let decide: ((choice: Decision) => void) | null = null;

self.onmessage = (event: MessageEvent<ToPackWorker>) => {
  const message = event.data;
  const run = async (): Promise<void> => {
    if (message.type === 'decide') return decide?.(message.choice);
    if (message.type === 'import') {
      const { type: _type, file, ...rest } = message;
      const outcome = await runPackImport(
        db,
        { ...rest, text: await file.text() },
        {
          // Search data only: the matcher worker reports the matcher's figures.
          rebuild: async (db, onStage, known) => {
            onStage('search');
            const { searchMs } = await rebuildPackSearch(db, known);
            return { version: '', entities: 0, matcherBytes: 0, matcherMs: 0, searchMs };
          },
          progress: (stage, done, total) => post({ type: 'progress', stage, done, total }),
          confirm: (conflicts, count) => {
            post({ type: 'confirm', conflicts, count });
            return new Promise<Decision>((resolve) => (decide = resolve));
          },
        },
      );
      decide = null;
      return post(outcome);
    }
    post({ type: 'search-rebuilt', searchMs: (await rebuildPackSearch(db)).searchMs });
  };
  run().catch((error: unknown) => post(workerError(error)));
};
