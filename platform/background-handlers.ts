/**
 * The background's side of the protocol. Runtime code lives here, not at the top level of
 * entrypoints/background.ts, so WXT can import the entrypoint at build time without side effects.
 */
import { browser, type Browser } from 'wxt/browser';
import { toBackground, type BackgroundReplies, type ToBackground } from '../lib/protocol';
import { dispatch, type Handlers } from '../lib/messages';
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
import { showPageState } from './toolbar-button';

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

/** The UI frame's own page, and nothing else of ours, may claim a frame token. */
function fromUiFrame(sender: Browser.runtime.MessageSender): boolean {
  return ownPagePath(sender) === '/ui-frame.html';
}

type Sender = Browser.runtime.MessageSender;

/** A note edited or deleted from its bubble: only a note of the page the sender is on. */
async function changeNote(db: LensDatabase, sender: Sender, page: string, id: string, write: () => Promise<unknown>) {
  if (!mayActOnPage(sender, page)) return REFUSED;
  const row = await db.annotations.get(id);
  if (!row || row.pageUrl !== page) return REFUSED;
  const outcome = await outcomeOf(write().then(() => undefined));
  if (outcome.ok) await announceLibraryChange();
  return outcome;
}

function handlers(
  db: LensDatabase,
  datasetReady: Promise<unknown>,
  frameTokens: FrameTokens,
): Handlers<ToBackground, BackgroundReplies, Sender> {
  return {
    ping: () => ({ ok: true, version: browser.runtime.getManifest().version }),
    'content:status': ({ url, mentions, enabled }, sender) => {
      const tabId = sender.tab?.id;
      // The document, not the URL: the browser resets the icon for each new document, and a reload keeps the URL.
      const page = sender.documentId ?? url;
      // The browser's word for the frame, not the message's: only a tab's top page sets its button.
      if (tabId !== undefined && sender.frameId === 0) void showPageState(tabId, page, mentions, enabled);
      return { ok: true };
    },
    'entities:get': ({ ids }) => datasetReady.then(() => resolveEntities(db, ids)),
    'annotations:forPage': async ({ url }, sender) =>
      mayActOnPage(sender, url) ? { annotations: await annotationsForPage(db, url) } : { annotations: [] },
    'annotation:save': async ({ page, annotation }, sender) => {
      if (!mayActOnPage(sender, page.url, annotation.pageUrl, annotation.target.source)) return REFUSED;
      const outcome = await outcomeOf(saveAnnotation(db, page, annotation));
      if (outcome.ok) await announceLibraryChange(); // other tabs open on the page show it too
      return outcome;
    },
    'annotation:update': ({ page, id, note, tags }, sender) =>
      changeNote(db, sender, page, id, () => updateAnnotation(db, id, { note, tags }, new Date().toISOString())),
    'annotation:delete': ({ page, id }, sender) =>
      changeNote(db, sender, page, id, () => removeFromLibrary(db, { annotationIds: [id] })),
    'page:save': ({ page }, sender) => (mayActOnPage(sender, page.url) ? outcomeOf(savePage(db, page)) : REFUSED),
    'frame:register': ({ token }, sender) => ({
      ok: !fromExtensionPage(sender) && frameTokens.register(token, sender),
    }),
    'frame:claim': ({ token }, sender) => ({ ok: fromUiFrame(sender) && frameTokens.claim(token, sender) }),
    'library:open': ({ entity }, sender) => openLibraryTab(entity, sender.tab),
  };
}

export function createBackgroundHandler(db: LensDatabase, datasetReady: Promise<unknown>) {
  const answer = handlers(db, datasetReady, new FrameTokens());
  return function handleBackgroundMessage(raw: unknown, sender: Sender) {
    // Only our own pages and content scripts may talk to us.
    if (sender.id !== browser.runtime.id) return undefined;
    return dispatch(toBackground, answer, raw, sender);
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
