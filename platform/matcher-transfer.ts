/**
 * Which matcher is current: `local:matcherVersion` names the user's packs' combined matcher
 * once it is built, and tells open tabs (no tabs permission needed) to scan again with it;
 * 'bundled' or nothing means data/matcher.bin. The background scans with it for every tab
 * (scan-service.ts).
 *
 * Plain storage calls, not a WXT item: defining an item reads storage at once, and the content
 * script that watches this would pay that read on every page load.
 */
import { browser } from 'wxt/browser';

import { BUNDLED_MATCHER } from './bundled-matcher';

export { BUNDLED_MATCHER };
const KEY = 'matcherVersion';

export async function announceMatcher(version: string): Promise<void> {
  await browser.storage.local.set({ [KEY]: version });
}

export async function currentMatcherVersion(): Promise<string> {
  const stored = (await browser.storage.local.get(KEY))[KEY];
  return typeof stored === 'string' ? stored : BUNDLED_MATCHER;
}

/** Calls back when the current matcher changes (to the bundled one when the packs' is removed). */
export function watchMatcherVersion(onChange: (version: string) => void): () => void {
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    const change = changes[KEY];
    if (area !== 'local' || !change) return;
    onChange(typeof change.newValue === 'string' ? change.newValue : BUNDLED_MATCHER);
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
