/** The library page's handle on the pack worker: one worker, started on first use. */
import type { FromWorker, ToWorker } from './pack-messages';
import type { SearchWorkerReply } from './search-worker';

let worker: Worker | null = null;
const listeners = new Set<(message: FromWorker) => void>();

function ensure(): Worker {
  if (worker) return worker;
  worker = new Worker(new URL('./pack-worker.ts', import.meta.url), { type: 'module' });
  worker.onmessage = (event: MessageEvent<FromWorker>) => listeners.forEach((l) => l(event.data));
  worker.onerror = (event) => {
    listeners.forEach((l) => l({ type: 'error', reason: 'failed', message: event.message }));
    worker?.terminate();
    worker = null;
  };
  return worker;
}

export function sendToPackWorker(message: ToWorker): void {
  ensure().postMessage(message);
}

export function onPackWorker(listener: (message: FromWorker) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

let searchWorker: Worker | null = null;

/** Rebuilds the packs' search data in its own worker; resolves with the time it took. */
export function buildPackSearch(): Promise<number> {
  searchWorker ??= new Worker(new URL('./search-worker.ts', import.meta.url), { type: 'module' });
  const worker = searchWorker;
  return new Promise((resolve, reject) => {
    worker.onmessage = (event: MessageEvent<SearchWorkerReply>) => (event.data.type === 'search-built' ? resolve(event.data.searchMs) : reject(new Error(event.data.message)));
    worker.onerror = (event) => reject(new Error(event.message));
    worker.postMessage({ type: 'build' });
  });
}
