import { expect, test } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { announceLibraryChange, watchLibraryChanges } from '../../platform/library-signal';
import {
  announceMatcher,
  BUNDLED_MATCHER,
  currentMatcherVersion,
  watchMatcherVersion,
} from '../../platform/matcher-transfer';

const settle = () => new Promise((r) => setTimeout(r, 10));

test('tabs hear which matcher is current, and the bundled one when the packs are gone', async () => {
  const heard: string[] = [];
  const stop = watchMatcherVersion((v) => heard.push(v));
  await announceMatcher('packs-1');
  await fakeBrowser.storage.local.set({ unrelated: 1 });
  await fakeBrowser.storage.local.remove('matcherVersion');
  await settle();
  stop();
  await announceMatcher('packs-2');
  await settle();
  expect(heard).toEqual(['packs-1', BUNDLED_MATCHER]);
  expect(await currentMatcherVersion()).toBe('packs-2');
});

test('tabs hear that the library changed, each time, until they stop listening', async () => {
  let heard = 0;
  const stop = watchLibraryChanges(() => heard++);
  await announceLibraryChange();
  await fakeBrowser.storage.local.set({ unrelated: 2 });
  await settle();
  await announceLibraryChange();
  await settle();
  stop();
  await announceLibraryChange();
  await settle();
  expect(heard).toBe(2);
});
