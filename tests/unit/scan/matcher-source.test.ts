/**
 * The background's current matcher: which version is current is read from storage once and then
 * followed by its change signal, so a page load costs no storage read; a change loads the new one.
 */
import { afterEach, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { serializeMatcher } from '../../../lib/match';
import { announceMatcher, BUNDLED_MATCHER } from '../../../platform/matcher-transfer';
import type { LensDatabase } from '../../../platform/db';
import { matcherSource } from '../../../platform/scan-service';
import { unMatcher } from '../match/un-fixtures';

const settle = () => new Promise((r) => setTimeout(r, 10));
afterEach(() => void vi.restoreAllMocks());

test('reads the current version once, follows its changes, and loads each version once', async () => {
  const reads = vi.spyOn(fakeBrowser.storage.local, 'get');
  const bytes = serializeMatcher(unMatcher);
  const readBundled = vi.fn(async () => bytes);
  // No pack matcher stored (the database cannot answer): the bundled one stands in, as in use.
  const source = matcherSource({} as LensDatabase, readBundled);
  const first = await source();
  expect(first.version).toBe(BUNDLED_MATCHER);
  expect((await source()).matcher).toBe(first.matcher);
  expect(reads).toHaveBeenCalledTimes(1);
  expect(readBundled).toHaveBeenCalledTimes(1);

  await announceMatcher('packs-1');
  await settle();
  await source();
  await source();
  expect(readBundled).toHaveBeenCalledTimes(2); // the packs' version asked for, once
  expect(reads).toHaveBeenCalledTimes(1);
});

test('a failed read of the version is tried again by the next scan', async () => {
  const reads = vi.spyOn(fakeBrowser.storage.local, 'get').mockRejectedValueOnce(new Error('storage gone'));
  const source = matcherSource({} as LensDatabase, async () => serializeMatcher(unMatcher));
  await expect(source()).rejects.toThrow('storage gone');
  expect((await source()).version).toBe(BUNDLED_MATCHER);
  expect(reads).toHaveBeenCalledTimes(2);
});
