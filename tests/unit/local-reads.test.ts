/** Storage reads asked for in the same turn go to the browser as one call, and each caller gets its values. */
import { afterEach, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { readLocal } from '../../platform/local-reads';
import { ContentScriptContext } from '../../platform/content-script-context';
import { getSettings } from '../../platform/settings';

afterEach(() => void vi.restoreAllMocks());

test('reads of one turn are one call; a later read is its own', async () => {
  await fakeBrowser.storage.local.set({ a: 1, b: 2, c: 3 });
  const get = vi.spyOn(fakeBrowser.storage.local, 'get');
  const [first, second, settings] = await Promise.all([
    readLocal(['a']),
    readLocal(['b', 'a']),
    getSettings(['hoverDelayMs'] as const),
  ]);
  expect(get).toHaveBeenCalledTimes(1);
  expect(first.a).toBe(1);
  expect(second.b).toBe(2);
  expect(settings.hoverDelayMs).toBeGreaterThan(0);
  const later = await readLocal(['c']);
  expect(later.c).toBe(3);
  expect(get).toHaveBeenCalledTimes(2);
  expect(get.mock.calls[1]![0]).toEqual(['c']);
});

test('a read that fails fails for every caller of its turn, and the next turn reads afresh', async () => {
  await fakeBrowser.storage.local.set({ a: 1 });
  vi.spyOn(fakeBrowser.storage.local, 'get').mockRejectedValueOnce(new Error('storage gone'));
  const both = [readLocal(['a']), readLocal(['b'])];
  await expect(both[0]).rejects.toThrow('storage gone');
  await expect(both[1]).rejects.toThrow('storage gone');
  expect((await readLocal(['a'])).a).toBe(1);
});

test("at load, the content script's hand-over secret and its settings are one call", async () => {
  const get = vi.spyOn(fakeBrowser.storage.local, 'get');
  // As WXT starts the script: the context first, then main(), which reads the settings at once.
  const ctx = new ContentScriptContext('content');
  await getSettings(['highlighting', 'siteRules'] as const);
  ctx.abort();
  expect(get).toHaveBeenCalledTimes(1);
  expect(get.mock.calls[0]![0]).toEqual(expect.arrayContaining(['contentScriptSecret']));
});
