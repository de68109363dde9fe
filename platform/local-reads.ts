/**
 * Reads of the extension's local storage asked for in the same turn go to the browser as one
 * call. At every page load the content script's context (its hand-over secret) and its settings
 * are read together this way: one message to the browser process instead of two. Each caller
 * gets the values of every key read in the call; it reads its own.
 */
import { browser } from 'wxt/browser';

let gathering: { keys: Set<string>; values: Promise<Record<string, unknown>> } | null = null;

export function readLocal(keys: readonly string[]): Promise<Record<string, unknown>> {
  if (!gathering) {
    const batch = { keys: new Set<string>(), values: Promise.resolve({}) as Promise<Record<string, unknown>> };
    // Sent once the current turn's code has run: reads asked for until then join this one.
    batch.values = Promise.resolve().then(() => {
      if (gathering === batch) gathering = null;
      return browser.storage.local.get([...batch.keys]);
    });
    gathering = batch;
  }
  for (const key of keys) gathering.keys.add(key);
  return gathering.values;
}
