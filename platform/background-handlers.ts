/**
 * The background's side of the protocol. Runtime code lives here, not at the top level of
 * entrypoints/background.ts, so WXT can import the entrypoint at build time without side effects.
 */
import { browser, type Browser } from 'wxt/browser';
import { parseMessage, toBackground, type BackgroundReplies } from '../lib/protocol';
import type { LensDatabase } from './db';
import { resolveEntities } from './packs-store';
import {
  annotationsForPage,
  LibraryError,
  removeFromLibrary,
  saveAnnotation,
  savePage,
  updateAnnotation,
} from './library-store';
import { announceLibraryChange } from './library-signal';
import type { SaveOutcome } from '../lib/protocol';
import { canonicalUrl } from '../lib/annotations/canonical-url';
import { openLibraryTab } from './open-library';
import { FrameTokens } from './frame-tokens';

/** The page of ours a message came from ("/library.html"), or null for a content script in a web page. */
function ownPagePath(sender: Browser.runtime.MessageSender): string | null {
  // sender.id is ours (checked first); an extension-scheme URL is then one of our pages. Compared
  // by scheme, not with getURL: in Chrome that gives the dynamic URL, and pages report the static one.
  const match = /^(?:chrome|moz)-extension:\/\/[^/]+(\/[^?#]*)/.exec(sender.url ?? '');
  return match ? match[1]! : null;
}

/** Our own pages (popup, library, the UI frame): they may name any page. */
function fromExtensionPage(sender: Browser.runtime.MessageSender): boolean {
  return ownPagePath(sender) !== null;
}

/**
 * A content script may only read and write the notes of the page it runs in: the URL it claims
 * must be the one the browser says the message came from. A page that fools its content script
 * (history tricks, a frame of another page) still cannot reach another page's notes.
 */
export function mayActOnPage(sender: Browser.runtime.MessageSender, ...claimed: string[]): boolean {
  if (fromExtensionPage(sender)) return true;
  const actual = sender.url ? canonicalUrl(sender.url) : null;
  return actual !== null && claimed.every((url) => url === actual);
}

const REFUSED: SaveOutcome = { ok: false, reason: 'unsupported' };

type Reply = BackgroundReplies[keyof BackgroundReplies];

/** The UI frame's own page, and nothing else of ours, may claim a frame token. */
function fromUiFrame(sender: Browser.runtime.MessageSender): boolean {
  return ownPagePath(sender) === '/ui-frame.html';
}

export function createBackgroundHandler(db: LensDatabase, datasetReady: Promise<unknown>) {
  const frameTokens = new FrameTokens();
  return function handleBackgroundMessage(
    raw: unknown,
    sender: Browser.runtime.MessageSender,
  ): Promise<Reply> | undefined {
    // Only our own pages and content scripts may talk to us.
    if (sender.id !== browser.runtime.id) return undefined;
    const message = parseMessage(toBackground, raw);
    if (!message) return undefined;
    switch (message.type) {
      case 'ping':
        return Promise.resolve({ ok: true, version: browser.runtime.getManifest().version });
      case 'content:status': {
        const tabId = sender.tab?.id;
        if (tabId === undefined || message.payload.frame !== 'top') return Promise.resolve({ ok: true });
        void showPageState(tabId, message.payload.url, message.payload.mentions, message.payload.enabled);
        return Promise.resolve({ ok: true });
      }
      case 'entities:get':
        return datasetReady.then(() => resolveEntities(db, message.payload.ids));
      case 'annotations:forPage':
        if (!mayActOnPage(sender, message.payload.url)) return Promise.resolve({ annotations: [] });
        return annotationsForPage(db, message.payload.url).then((annotations) => ({ annotations }));
      case 'annotation:save': {
        const { page, annotation } = message.payload;
        if (!mayActOnPage(sender, page.url, annotation.pageUrl, annotation.target.source))
          return Promise.resolve(REFUSED);
        return outcomeOf(saveAnnotation(db, page, annotation));
      }
      case 'annotation:update':
      case 'annotation:delete': {
        // Only a note of the page the sender is on: a content script cannot reach another page's.
        const { page, id } = message.payload;
        if (!mayActOnPage(sender, page)) return Promise.resolve(REFUSED);
        return (async (): Promise<SaveOutcome> => {
          const row = await db.annotations.get(id);
          if (!row || row.pageUrl !== page) return REFUSED;
          const write =
            message.type === 'annotation:update'
              ? updateAnnotation(
                  db,
                  id,
                  { note: message.payload.note, tags: message.payload.tags },
                  new Date().toISOString(),
                )
              : removeFromLibrary(db, { annotationIds: [id] });
          const outcome = await outcomeOf(write.then(() => undefined));
          if (outcome.ok) await announceLibraryChange();
          return outcome;
        })();
      }
      case 'page:save':
        if (!mayActOnPage(sender, message.payload.page.url)) return Promise.resolve(REFUSED);
        return outcomeOf(savePage(db, message.payload.page));
      case 'frame:register':
        return Promise.resolve({
          ok: !fromExtensionPage(sender) && frameTokens.register(message.payload.token, sender),
        });
      case 'frame:claim':
        return Promise.resolve({ ok: fromUiFrame(sender) && frameTokens.claim(message.payload.token, sender) });
      case 'library:open':
        return openLibraryTab(message.payload.entity, sender.tab);
    }
  };
}

async function outcomeOf(write: Promise<void>): Promise<SaveOutcome> {
  try {
    await write;
    return { ok: true };
  } catch (error) {
    console.error('Context Lens: could not save', error);
    return { ok: false, reason: error instanceof LibraryError ? error.reason : 'failed' };
  }
}

const ICON_SIZES = [16, 32, 48, 128] as const;
const iconPaths = (prefix: string) =>
  Object.fromEntries(ICON_SIZES.map((size) => [size, `/icon/${prefix}${size}.png`]));
/**
 * Per tab, the page and state its icon was last drawn for: the icon is swapped only when they
 * change (a page reports after every batch of changes), and drawn again after a navigation,
 * which may reset a tab's icon.
 */
const iconDrawnFor = new Map<number, string>();

/** The toolbar button says what the page has: its mention count on the badge, a grey icon where highlighting is off. */
async function showPageState(tabId: number, url: string, mentions: number, enabled: boolean): Promise<void> {
  const action = browser.action ?? browser.browserAction;
  const key = `${enabled ? 'on' : 'off'} ${url}`;
  try {
    if (iconDrawnFor.get(tabId) !== key) {
      await action.setIcon({ tabId, path: iconPaths(enabled ? '' : 'off-') });
      iconDrawnFor.set(tabId, key);
    }
    await action.setBadgeBackgroundColor({ tabId, color: '#2f5d8a' });
    await action.setBadgeText({ tabId, text: enabled && mentions > 0 ? String(Math.min(mentions, 999)) : '' });
  } catch {
    iconDrawnFor.delete(tabId); // The tab may have closed meanwhile.
  }
}
