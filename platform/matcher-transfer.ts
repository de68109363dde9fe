/**
 * Which matcher is current: `local:matcherVersion` names the user's packs' combined matcher
 * once it is built, and tells open tabs (no tabs permission needed) to scan again with it;
 * 'bundled' or nothing means data/matcher.bin. The background scans with it for every tab
 * (scan-service.ts).
 *
 * Plain storage calls, not a WXT item (local-changes.ts says why).
 */
import { browser } from 'wxt/browser';

import { BUNDLED_MATCHER } from './bundled-matcher';
import { onLocalChange } from './local-changes';

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
  return onLocalChange([KEY], (changes) => {
    const next = changes[KEY]!.newValue;
    onChange(typeof next === 'string' ? next : BUNDLED_MATCHER);
  });
}
