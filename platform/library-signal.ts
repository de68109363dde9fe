/**
 * Tells open tabs that the library changed (a note edited or deleted in the library page, an
 * import), so they re-anchor their annotations without a reload. A timestamp in storage.local:
 * every content script can watch it, and no tab permission is needed to reach them.
 */
import { storage } from 'wxt/utils/storage';

const changed = storage.defineItem<number>('local:libraryChangedAt');

export async function announceLibraryChange(): Promise<void> {
  await changed.setValue(Date.now());
}

export function watchLibraryChanges(onChange: () => void): () => void {
  return changed.watch(() => onChange());
}
