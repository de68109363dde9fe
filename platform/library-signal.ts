/**
 * Tells open tabs that the library changed (a note edited or deleted in the library page, an
 * import), so they re-anchor their annotations without a reload. A timestamp in storage.local:
 * every content script can watch it, and no tab permission is needed to reach them.
 *
 * Plain storage calls, not a WXT item: defining an item reads storage at once, and the content
 * script that watches this would pay that read on every page load.
 */
import { browser } from 'wxt/browser';

const KEY = 'libraryChangedAt';

export async function announceLibraryChange(): Promise<void> {
  await browser.storage.local.set({ [KEY]: Date.now() });
}

export function watchLibraryChanges(onChange: () => void): () => void {
  const listener = (changes: Record<string, unknown>, area: string) => {
    if (area === 'local' && KEY in changes) onChange();
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
