/** Background: sends the stored pack-aware matcher to content scripts (see matcher-transfer.ts). */
import { browser, type Browser } from 'wxt/browser';
import { CHUNK_BYTES, MATCHER_PORT, type MatcherChunk } from './matcher-transfer';
import { readPackMatcher } from './pack-build';
import type { LensDatabase } from './db';

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** Lets the background answer other messages (a card's entity lookup) between chunks. */
const nextTask = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/**
 * Background: answers each matcher port with the stored bytes, chunk by chunk, one chunk per
 * task. Encoding a 46 MB matcher in one loop kept the background busy for seconds per tab
 * (every card lookup waited); a tab that closes stops its transfer.
 */
export function serveMatcher(db: LensDatabase): void {
  browser.runtime.onConnect.addListener((port: Browser.runtime.Port) => {
    if (port.name !== MATCHER_PORT || port.sender?.id !== browser.runtime.id) return;
    let gone = false;
    port.onDisconnect.addListener(() => (gone = true));
    void (async () => {
      const stored = await readPackMatcher(db).catch(() => null);
      if (gone) return;
      if (!stored) return port.postMessage({ error: 'none' } satisfies MatcherChunk);
      const { bytes, version } = stored;
      const total = Math.ceil(bytes.length / CHUNK_BYTES);
      for (let index = 0; index < total && !gone; index++) {
        const data = toBase64(bytes.subarray(index * CHUNK_BYTES, (index + 1) * CHUNK_BYTES));
        port.postMessage({ version, index, total, size: bytes.length, data } satisfies MatcherChunk);
        await nextTask();
      }
    })().catch(() => {
      // The port closed while sending: nothing to answer.
    });
  });
}
