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
    const asked = new Set<string>();
    // Sent once the current turn's code has run: reads asked for until then join this one.
    const values = Promise.resolve().then(() => {
      gathering = null;
      return browser.storage.local.get([...asked]);
    });
    gathering = { keys: asked, values };
  }
  for (const key of keys) gathering.keys.add(key);
  return gathering.values;
}
