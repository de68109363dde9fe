/**
 * Which matcher is current: `local:matcherVersion` names the user's packs' combined matcher
 * once it is built, and tells open tabs (no tabs permission needed) to scan again with it;
 * 'bundled' or nothing means data/matcher.bin. The background scans with it for every tab
 * (scan-service.ts).
 */
import { storage } from 'wxt/utils/storage';

import { BUNDLED_MATCHER } from './bundled-matcher';

export { BUNDLED_MATCHER };
const versionItem = storage.defineItem<string>('local:matcherVersion');

export async function announceMatcher(version: string): Promise<void> {
  await versionItem.setValue(version);
}

export async function currentMatcherVersion(): Promise<string> {
  return (await versionItem.getValue()) ?? BUNDLED_MATCHER;
}

export function watchMatcherVersion(onChange: (version: string) => void): () => void {
  return versionItem.watch((v) => onChange(v ?? BUNDLED_MATCHER));
}
