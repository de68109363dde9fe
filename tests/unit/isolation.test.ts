/**
 * The background's side of isolation (issue 13): content scripts may only act on their own
 * page's notes, and only a UI frame our content script embedded may claim its token.
 */
import { describe, expect, test } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Browser } from 'wxt/browser';
import { createBackgroundHandler, mayActOnPage } from '../../platform/background-handlers';
import { FrameTokens } from '../../platform/frame-tokens';
import { LensDatabase } from '../../platform/db';
import { isHandshake } from '../../lib/ui-frame-protocol';

const ID = fakeBrowser.runtime.id;
const tab = { id: 7 } as Browser.tabs.Tab;
const contentScript = (url: string): Browser.runtime.MessageSender => ({ id: ID, tab, url, frameId: 0 });
const extensionPage = (path: string, tabId = 7): Browser.runtime.MessageSender => ({
  id: ID,
  tab: { id: tabId } as Browser.tabs.Tab,
  url: `chrome-extension://${ID}${path}`,
});

describe('a content script acts only on its own page', () => {
  test('the claimed URL must be the page the message came from', () => {
    expect(
      mayActOnPage(contentScript('https://news.un.org/en/story/1?utm_source=x#top'), 'https://news.un.org/en/story/1'),
    ).toBe(true);
    expect(mayActOnPage(contentScript('https://evil.example/'), 'https://news.un.org/en/story/1')).toBe(false);
    expect(
      mayActOnPage(
        contentScript('https://news.un.org/en/story/1'),
        'https://news.un.org/en/story/1',
        'https://news.un.org/en/story/2',
      ),
    ).toBe(false);
    expect(mayActOnPage({ id: ID, tab }, 'https://news.un.org/')).toBe(false);
  });

  test('our own pages (library, popup) may name any page', () => {
    expect(mayActOnPage(extensionPage('/library.html'), 'https://news.un.org/en/story/1')).toBe(true);
    expect(mayActOnPage({ id: ID, url: 'moz-extension://0b1f/popup.html' }, 'https://a.example/')).toBe(true);
  });

  test("reading another page's notes gets nothing", async () => {
    const handle = createBackgroundHandler(new LensDatabase(`iso-${Math.random()}`), Promise.resolve());
    const reply = await handle(
      { type: 'annotations:forPage', payload: { url: 'https://victim.example/notes' } },
      contentScript('https://evil.example/'),
    );
    expect(reply).toEqual({ annotations: [] });
  });
});

describe('UI frame tokens', () => {
  const token = 'a'.repeat(64);

  test('a token registered by a content script is claimed once, by the frame in the same tab', () => {
    const tokens = new FrameTokens();
    expect(tokens.register(token, contentScript('https://a.example/'), 1_000)).toBe(true);
    expect(tokens.claim(token, extensionPage('/ui-frame.html', 8), 1_100)).toBe(false); // another tab; and now spent
    expect(tokens.register(token, contentScript('https://a.example/'), 2_000)).toBe(true);
    expect(tokens.claim(token, extensionPage('/ui-frame.html'), 2_100)).toBe(true);
    expect(tokens.claim(token, extensionPage('/ui-frame.html'), 2_200)).toBe(false);
  });

  test('an unknown or stale token is refused', () => {
    const tokens = new FrameTokens();
    expect(tokens.claim('b'.repeat(64), extensionPage('/ui-frame.html'), 0)).toBe(false);
    tokens.register(token, contentScript('https://a.example/'), 0);
    expect(tokens.claim(token, extensionPage('/ui-frame.html'), 61_000)).toBe(false);
  });

  test('the background lets only the frame page claim, and only content scripts register', async () => {
    const handle = createBackgroundHandler(new LensDatabase(`iso-${Math.random()}`), Promise.resolve());
    const register = (sender: Browser.runtime.MessageSender) =>
      handle({ type: 'frame:register', payload: { token } }, sender);
    const claim = (sender: Browser.runtime.MessageSender) =>
      handle({ type: 'frame:claim', payload: { token } }, sender);
    expect(await register(extensionPage('/library.html'))).toEqual({ ok: false });
    expect(await register(contentScript('https://a.example/'))).toEqual({ ok: true });
    expect(await claim(extensionPage('/library.html'))).toEqual({ ok: false });
    expect(await register(contentScript('https://a.example/'))).toEqual({ ok: true });
    expect(await claim(extensionPage('/ui-frame.html'))).toEqual({ ok: true });
    expect(
      await handle(
        { type: 'frame:claim', payload: { token } },
        { ...extensionPage('/ui-frame.html'), id: 'another-extension' },
      ),
    ).toBeUndefined();
  });

  test('the handshake needs the exact token', () => {
    expect(isHandshake({ contextLensFrame: token }, token)).toBe(true);
    expect(isHandshake({ contextLensFrame: token.slice(1) }, token)).toBe(false);
    expect(isHandshake({ contextLensFrame: '' }, '')).toBe(false);
    expect(isHandshake(null, token)).toBe(false);
  });
});
