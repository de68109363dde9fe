import { beforeEach, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

/** What the background drew on the button: for each icon, its tab and whether it is the grey one. */
let drawn: string[] = [];

beforeEach(() => {
  drawn = [];
  vi.resetModules(); // each test starts with a fresh background
  const action = fakeBrowser.action as unknown as Record<string, unknown>;
  action.setIcon = async ({ tabId, path }: { tabId: number; path: Record<string, string> }) => {
    drawn.push(`${tabId} ${Object.values(path).every((p) => p.includes('/off-')) ? 'grey' : 'colour'}`);
  };
  action.setBadgeText = async ({ tabId, text }: { tabId: number; text: string }) =>
    void drawn.push(`${tabId} "${text}"`);
  action.setBadgeBackgroundColor = async () => {};
});

const background = async () => (await import('../../platform/toolbar-button')).showPageState;

test('a page where highlighting is on draws no icon: the manifest one is the coloured one', async () => {
  const show = await background();
  await show(1, 'doc-a', 12, true);
  await show(1, 'doc-a', 15, true);
  await show(1, 'doc-b', 0, true);
  expect(drawn).toEqual(['1 "12"', '1 "15"', '1 ""']);
});

test('grey where highlighting is off, for each new document, and coloured again on the same one', async () => {
  const show = await background();
  await show(1, 'doc-a', 0, false);
  await show(1, 'doc-a', 0, false); // a second report of the same document
  await show(1, 'doc-b', 0, false); // a reload: the browser put the coloured icon back
  await show(1, 'doc-b', 7, true); // turned back on
  await show(2, 'doc-c', 0, false);
  await show(2, 'doc-d', 3, true); // a navigation: the browser coloured it already
  expect(drawn).toEqual(['1 grey', '1 ""', '1 ""', '1 grey', '1 ""', '1 colour', '1 "7"', '2 grey', '2 ""', '2 "3"']);
});

test('a page turned grey is coloured again after the background was stopped in between', async () => {
  await (
    await background()
  )(5, 'doc-a', 0, false);
  vi.resetModules();
  const restarted = await background();
  await restarted(5, 'doc-a', 4, true);
  expect(drawn).toEqual(['5 grey', '5 ""', '5 colour', '5 "4"']);
});
