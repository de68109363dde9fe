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

/** Background: answers each matcher port with the stored bytes, chunk by chunk. */
export function serveMatcher(db: LensDatabase): void {
  browser.runtime.onConnect.addListener((port: Browser.runtime.Port) => {
    if (port.name !== MATCHER_PORT || port.sender?.id !== browser.runtime.id) return;
    void (async () => {
      const stored = await readPackMatcher(db).catch(() => null);
      if (!stored) return port.postMessage({ error: 'none' } satisfies MatcherChunk);
      const { bytes, version } = stored;
      const total = Math.ceil(bytes.length / CHUNK_BYTES);
      for (let index = 0; index < total; index++) {
        const data = toBase64(bytes.subarray(index * CHUNK_BYTES, (index + 1) * CHUNK_BYTES));
        port.postMessage({ version, index, total, size: bytes.length, data } satisfies MatcherChunk);
      }
    })();
  });
}
