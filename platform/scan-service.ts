/**
 * Background: scans page text for every tab with one matcher (lib/scan/protocol.ts). The
 * matcher is the user's packs' when they have any, else data/matcher.bin; it is loaded on the
 * first scan and kept while the background lives, and replaced when the packs change
 * (`local:matcherVersion`). Each port is one page's document scan; pieces are answered in order.
 */
import { browser, type Browser } from 'wxt/browser';
import { z } from 'zod';
import { loadMatcher, type Matcher } from '../lib/match';
import { MAX_TAG, SCAN_PORT, type ScanFailure, type ScanReply } from '../lib/scan/protocol';
import { ScanSession } from '../lib/scan/session';
import { BUNDLED_MATCHER, currentMatcherVersion, watchMatcherVersion } from './matcher-transfer';
import { readPackMatcher } from './pack-build';
import type { LensDatabase } from './db';

export interface LoadedMatcher {
  matcher: Matcher;
  version: string;
}

/**
 * The current matcher, loaded once per version (a 100k-entity pack's takes a while: load it once,
 * not per tab). Which version is current is read from storage once, then followed by its change
 * signal: not read again for every page load.
 */
export function matcherSource(db: LensDatabase, readBundled: () => Promise<Uint8Array>): () => Promise<LoadedMatcher> {
  let loaded: Promise<LoadedMatcher> | null = null;
  let loadedFor: string | null = null;
  let current: Promise<string> | null = null;
  watchMatcherVersion((version) => (current = Promise.resolve(version)));
  const currentVersion = (): Promise<string> => {
    if (!current) {
      const read = currentMatcherVersion();
      current = read;
      // A failed read is tried again by the next scan.
      read.catch(() => {
        if (current === read) current = null;
      });
    }
    return current;
  };
  const load = async (wanted: string): Promise<LoadedMatcher> => {
    if (wanted !== BUNDLED_MATCHER) {
      const stored = await readPackMatcher(db).catch(() => null);
      if (stored) return { matcher: loadMatcher(stored.bytes), version: stored.version };
    }
    return { matcher: loadMatcher(await readBundled()), version: BUNDLED_MATCHER };
  };
  return async () => {
    const wanted = await currentVersion();
    if (!loaded || loadedFor !== wanted) {
      loadedFor = wanted;
      loaded = load(wanted);
      // A failed load is tried again by the next scan, not remembered.
      loaded.catch(() => {
        if (loadedFor === wanted) loaded = loadedFor = null;
      });
    }
    return loaded;
  };
}

const wireBlock = z.object({ at: z.number().int().nonnegative(), tag: z.string().max(MAX_TAG).nullable() });
const request = z.discriminatedUnion('type', [
  z.object({ type: z.literal('start'), rootTag: z.string().max(MAX_TAG).nullable() }),
  z.object({
    type: z.literal('piece'),
    seq: z.number().int(),
    text: z.string(),
    base: z.number().int().nonnegative(),
    blocks: z.array(wireBlock),
  }),
]);

export function serveScans(currentMatcher: () => Promise<LoadedMatcher>): void {
  browser.runtime.onConnect.addListener((port: Browser.runtime.Port) => {
    if (port.name !== SCAN_PORT || port.sender?.id !== browser.runtime.id) return;
    let session: Promise<ScanSession> | null = null;
    let queue: Promise<void> = Promise.resolve();
    let open = true;
    port.onDisconnect.addListener(() => (open = false));
    port.onMessage.addListener((raw: unknown) => {
      const parsed = request.safeParse(raw);
      const message = parsed.success ? parsed.data : null;
      if (message?.type === 'start') {
        session = currentMatcher().then(({ matcher, version }) => new ScanSession(matcher, version, message.rootTag));
        return;
      }
      // A piece that does not parse, or comes before 'start', is answered too: the page's scan awaits every seq.
      const seq = message?.seq ?? (raw as { seq?: unknown } | null)?.seq;
      if (typeof seq !== 'number') return;
      const started = session;
      queue = queue.then(async () => {
        let reply: ScanReply | ScanFailure;
        try {
          if (!message || !started) throw new Error('malformed piece, or no start');
          reply = (await started).piece(seq, message.text, message.base, message.blocks);
        } catch (error) {
          reply = { seq, error: error instanceof Error ? error.message : String(error) };
        }
        if (open) port.postMessage(reply);
      });
    });
  });
}
