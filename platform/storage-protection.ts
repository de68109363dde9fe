/**
 * Whether the reader's saved pages and notes are safe from the browser deleting storage to
 * free disk space. The manifest asks for `unlimitedStorage`, which exempts an extension's
 * storage from eviction in Chrome and grants it persistent storage in Firefox; `persist()` is
 * asked as well at the first save (the frame) and when the library opens. Chrome reports
 * `persisted()` false even with the permission, so both are checked.
 */
import { browser } from 'wxt/browser';

export type StorageProtection = 'kept' | 'at-risk';

let asked: Promise<boolean> | undefined;

/** Asks the browser to keep this extension's storage: once per page unless `again`. */
export function askToKeepStorage(again = false): Promise<boolean> {
  if (!asked || again) asked = navigator.storage?.persist?.().catch(() => false) ?? Promise.resolve(false);
  return asked;
}

export async function storageProtection(): Promise<StorageProtection> {
  try {
    if (await navigator.storage?.persisted?.()) return 'kept';
  } catch {
    // No storage manager here: the permission decides.
  }
  try {
    if (await browser.permissions.contains({ permissions: ['unlimitedStorage'] })) return 'kept';
  } catch {
    // permissions.contains is unavailable: say nothing we do not know.
  }
  return 'at-risk';
}
