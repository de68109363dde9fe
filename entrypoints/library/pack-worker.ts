/**
 * The pack import and matcher rebuilds, in a worker so the library page stays responsive
 * (platform/pack-import.ts does the work; this file only relays messages). The search data is
 * rebuilt by search-worker.ts meanwhile.
 */
import { LensDatabase } from '../../platform/db';
import { rebuildPackMatcher } from '../../platform/pack-build';
import { runPackImport, type Decision } from '../../platform/pack-import';
import { LibraryError } from '../../platform/library-store';
import type { FromWorker, ToWorker } from './pack-messages';

const db = new LensDatabase();
const post = (message: FromWorker) => (self as unknown as Worker).postMessage(message);
let decide: ((choice: Decision) => void) | null = null;

self.onmessage = (event: MessageEvent<ToWorker>) => {
  const message = event.data;
  const run = async (): Promise<void> => {
    if (message.type === 'decide') return decide?.(message.choice);
    if (message.type === 'import') {
      const { type: _type, file, ...rest } = message;
      const outcome = await runPackImport(db, { ...rest, text: await file.text() }, {
        // The search data is built by the page's search worker at the same time.
        rebuild: rebuildPackMatcher,
        progress: (stage, done, total) => post({ type: 'progress', stage, done, total }),
        confirm: (conflicts, count) => {
          post({ type: 'confirm', conflicts, count });
          return new Promise<Decision>((resolve) => (decide = resolve));
        },
      });
      decide = null;
      return post(outcome);
    }
    const figures = await rebuildPackMatcher(db, (stage) => post({ type: 'progress', stage }));
    post({ type: 'rebuilt', figures });
  };
  run().catch((error: unknown) => {
    const reason = error instanceof LibraryError ? error.reason : 'failed';
    post({ type: 'error', reason, message: error instanceof Error ? error.message : String(error) });
  });
};
