/**
 * Compiles the matcher for a pack import while the pack worker validates, installs and
 * indexes it: the compile is the longest step, so it starts as soon as the file is parsed, on
 * the other core (draftPack). This worker asks nothing itself (the page forwards the reader's
 * decision), and saves the matcher only once the page says the pack is installed; a refused
 * import ends with this worker terminated, so nothing of it is left behind.
 */
import { LensDatabase } from '../../platform/db';
import { compilePackMatcher, rebuildPackMatcher, saveCompiledMatcher } from '../../platform/pack-build';
import { draftPack, type Decision } from '../../platform/pack-import';
import { workerError, type FromMatcherWorker, type ToMatcherWorker } from './pack-messages';

const db = new LensDatabase();
const post = (message: FromMatcherWorker) => (self as unknown as Worker).postMessage(message);

/** A value that may be settled before anyone waits for it (messages can arrive early). */
function mailbox<T>(): { promise: Promise<T>; settle: (value: T) => void } {
  let settle!: (value: T) => void;
  const promise = new Promise<T>((resolve) => (settle = resolve));
  return { promise, settle };
}

let decision = mailbox<Decision>();
let committed = mailbox<true>();

async function compileForImport(message: Extract<ToMatcherWorker, { type: 'import' }>): Promise<void> {
  decision = mailbox<Decision>();
  committed = mailbox<true>();
  const { type: _type, file, ...rest } = message;
  const draft = await draftPack(db, { ...rest, text: await file.text() }, () => decision.promise);
  if (!draft) return post({ type: 'matcher-dropped' });
  // Unchecked input may break the compile: then the page rebuilds from the installed pack.
  const compiled = await compilePackMatcher(db, { pending: draft }).catch(() => null);
  if (!compiled) return post({ type: 'matcher-dropped' });
  await committed.promise;
  post({ type: 'matcher-saved', figures: await saveCompiledMatcher(db, compiled) });
}

self.onmessage = (event: MessageEvent<ToMatcherWorker>) => {
  const message = event.data;
  const run = async (): Promise<void> => {
    if (message.type === 'decide') return decision.settle(message.choice);
    if (message.type === 'commit') return committed.settle(true);
    if (message.type === 'import') return compileForImport(message);
    post({ type: 'matcher-saved', figures: await rebuildPackMatcher(db) });
  };
  run().catch((error: unknown) => post(workerError(error)));
};
