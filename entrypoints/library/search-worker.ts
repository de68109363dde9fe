/**
 * Builds the enabled packs' search data beside the pack worker's matcher compile (two cores,
 * two workers): the slowest steps of a large import then overlap.
 */
import { LensDatabase } from '../../platform/db';
import { rebuildPackSearch } from '../../platform/pack-build';

const db = new LensDatabase();

export type SearchWorkerReply = { type: 'search-built'; searchMs: number } | { type: 'search-failed'; message: string };

self.onmessage = () => {
  rebuildPackSearch(db).then(
    ({ searchMs }) => (self as unknown as Worker).postMessage({ type: 'search-built', searchMs } satisfies SearchWorkerReply),
    (error: unknown) => (self as unknown as Worker).postMessage({ type: 'search-failed', message: String(error) } satisfies SearchWorkerReply),
  );
};
