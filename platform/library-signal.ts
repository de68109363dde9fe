/**
 * Tells open tabs that the library changed (a note edited or deleted in the library page, an
 * import), so they re-anchor their annotations without a reload. A timestamp in storage.local:
 * every content script can watch it, and no tab permission is needed to reach them.
 *
 * Plain storage calls, not a WXT item (local-changes.ts says why).
 */
import { browser } from 'wxt/browser';
import { onLocalChange } from './local-changes';

const KEY = 'libraryChangedAt';

export async function announceLibraryChange(): Promise<void> {
  await browser.storage.local.set({ [KEY]: Date.now() });
}

export function watchLibraryChanges(onChange: () => void): () => void {
  return onLocalChange([KEY], onChange);
}
