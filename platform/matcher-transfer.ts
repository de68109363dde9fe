/**
 * Gets the pack-aware matcher from the background's IndexedDB to content scripts, which cannot
 * open the extension's database. Messages are JSON, so the bytes travel as base64 in ~1 MB
 * chunks over a port, each decoded in its own task. `local:matcherVersion` tells open tabs that
 * a new matcher is ready (no tabs permission needed); 'bundled' or nothing means matcher.bin.
 */
import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';

import { BUNDLED_MATCHER } from './bundled-matcher';

export { BUNDLED_MATCHER };
export const MATCHER_PORT = 'context-lens-matcher';
export const CHUNK_BYTES = 768 * 1024; // 1 MiB of base64

export type MatcherChunk = { version: string; index: number; total: number; size: number; data: string } | { error: string };

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


/** Content script: the stored matcher's bytes, or null when there is none (use matcher.bin). */
export function fetchPackMatcherBytes(timeoutMs = 30_000): Promise<Uint8Array | null> {
  return new Promise((resolve) => {
    const port = browser.runtime.connect({ name: MATCHER_PORT });
    let out: Uint8Array | null = null;
    let received = 0;
    const done = (value: Uint8Array | null) => {
      clearTimeout(timer);
      port.disconnect();
      resolve(value);
    };
    const timer = setTimeout(() => done(null), timeoutMs);
    port.onDisconnect.addListener(() => {
      clearTimeout(timer);
      resolve(out && received === out.length ? out : null);
    });
    port.onMessage.addListener((raw: unknown) => {
      const chunk = raw as MatcherChunk;
      if ('error' in chunk || typeof chunk.data !== 'string') return done(null);
      out ??= new Uint8Array(chunk.size);
      const binary = atob(chunk.data);
      const at = chunk.index * CHUNK_BYTES;
      if (at + binary.length > out.length) return done(null);
      for (let i = 0; i < binary.length; i++) out[at + i] = binary.charCodeAt(i);
      received += binary.length;
      if (chunk.index === chunk.total - 1) done(received === out.length ? out : null);
    });
  });
}
