/**
 * Listens for changes to some keys of storage.local: the signals and settings content scripts
 * follow. A plain listener, where a WXT item would read storage as soon as it is defined.
 */
import { browser } from 'wxt/browser';

type Changes = Record<string, { newValue?: unknown }>;

/** Calls back with the changes whenever one of `keys` changes in storage.local; returns the unwatch function. */
export function onLocalChange(keys: readonly string[], onChange: (changes: Changes) => void): () => void {
  const watched = new Set(keys);
  const listener = (changes: Changes, area: string) => {
    if (area === 'local' && Object.keys(changes).some((key) => watched.has(key))) onChange(changes);
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
