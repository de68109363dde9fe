/**
 * The background's side of the protocol. Runtime code lives here, not at the top level of
 * entrypoints/background.ts, so WXT can import the entrypoint at build time without side effects.
 */
import { browser, type Browser } from 'wxt/browser';
import { parseMessage, toBackground, type BackgroundReplies } from '../lib/protocol';
import type { LensDatabase } from './db';
import { resolveEntities } from './packs-store';
import { annotationsForPage, LibraryError, saveAnnotation, savePage } from './library-store';
import type { SaveOutcome } from '../lib/protocol';

type Reply = BackgroundReplies[keyof BackgroundReplies];

export function createBackgroundHandler(db: LensDatabase, datasetReady: Promise<unknown>) {
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
        void showCountOnBadge(tabId, message.payload.mentions);
        return Promise.resolve({ ok: true });
      }
      case 'entities:get':
        return datasetReady.then(() => resolveEntities(db, message.payload.ids));
      case 'annotations:forPage':
        return annotationsForPage(db, message.payload.url).then((annotations) => ({ annotations }));
      case 'annotation:save':
        return outcomeOf(saveAnnotation(db, message.payload.page, message.payload.annotation));
      case 'page:save':
        return outcomeOf(savePage(db, message.payload.page));
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

async function showCountOnBadge(tabId: number, mentions: number): Promise<void> {
  const action = browser.action ?? browser.browserAction;
  try {
    await action.setBadgeBackgroundColor({ tabId, color: '#2f5d8a' });
    await action.setBadgeText({ tabId, text: mentions > 0 ? String(Math.min(mentions, 999)) : '' });
  } catch {
    // The tab may have closed meanwhile.
  }
}
