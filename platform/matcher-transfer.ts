/**
 * Which matcher is current: `local:matcherVersion` names the user's packs' combined matcher
 * once it is built, and tells open tabs (no tabs permission needed) to scan again with it;
 * 'bundled' or nothing means data/matcher.bin. The background scans with it for every tab
 * (scan-service.ts).
 */
import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';

import { BUNDLED_MATCHER } from './bundled-matcher';

export { BUNDLED_MATCHER };
const VERSION_KEY = 'matcherVersion';
/** Defined on first use (see watchMatcherVersion). */
let item: ReturnType<typeof storage.defineItem<string>> | undefined;
const versionItem = () => (item ??= storage.defineItem<string>(`local:${VERSION_KEY}`));

export async function announceMatcher(version: string): Promise<void> {
  await versionItem().setValue(version);
}

export async function currentMatcherVersion(): Promise<string> {
  return (await versionItem().getValue()) ?? BUNDLED_MATCHER;
}

/**
 * Calls back when the current matcher changes. A plain storage listener, so a content script
 * that imports only this defines no WXT item (defining one reads storage on every page load).
 */
export function watchMatcherVersion(onChange: (version: string) => void): () => void {
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    const change = changes[VERSION_KEY];
    if (area !== 'local' || !change) return;
    onChange(typeof change.newValue === 'string' ? change.newValue : BUNDLED_MATCHER);
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
