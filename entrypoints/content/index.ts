import { addDismissal } from '../../lib/dismissals';
import { getSetting, setSetting } from '../../platform/settings';
import { resolveContentLanguage } from '../../lib/settings';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { browser } from 'wxt/browser';
import './highlights.css';
import highlightCss from './highlights.css?inline';
import { OBSERVE, ShadowRoots } from './shadow-roots';
import { parseMessage } from '../../lib/messages';
import { toContent } from '../../lib/protocol-content';
import type { BackgroundMessage, ContentReplies } from '../../lib/protocol';
import { CardHost } from './card-host';
import { isUiHost } from './ui-frame-host';
import { Highlighter, highlightApiAvailable } from './highlighter';
import { startHover, stepToMention } from './hover';
import { MentionIndex } from './mention-index';
import { Revealer } from './reveal';
import { Annotator } from './annotator';
import { ToolbarHost } from './toolbar-host';
import { startNoteHover } from './note-hover';
import { watchLibraryChanges } from '../../platform/library-signal';
import { watchMatcherVersion } from '../../platform/matcher-transfer';
import { PageScanner } from './page-scanner';
import { ScanClient } from './scan-client';
import { rootLanguageTag } from '../../reading/page-text';
import { E2E_HOOKS, forwardOpenRequests } from '../../platform/e2e-hooks';
import { summarizeMutations } from './page-changes';
import { placeOf, readContentSettings, watchContentSettings, type ContentSettings } from './settings-snapshot';

/** Mutations of our own UI or of nothing but attributes do not call for a re-scan. */
function isOurs(node: Node | null): boolean {
  for (let n: Node | null = node; n; n = n.parentNode) if (isUiHost(n)) return true;
  return false;
}

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  allFrames: true,
  matchAboutBlank: false,
  runAt: 'document_idle',
  async main(ctx) {
    if (E2E_HOOKS) forwardOpenRequests();
    // The manifest's minimum versions guarantee the Highlight API; stay quiet if it is gone anyway.
    if (!highlightApiAvailable() || !document.body || document.designMode === 'on') return;
    const host = location.hostname;
    let settings: ContentSettings = await readContentSettings(host);

    const highlighter = new Highlighter(settings.kinds);
    highlighter.setStyle(settings.style);
    const index = new MentionIndex();
    // Page changes: batched, re-checking only the blocks that changed.
    let pending: MutationRecord[] = [];
    let queued: ReturnType<typeof setTimeout> | undefined;
    const observer = new MutationObserver((records) => {
      // Not pending.push(...records): a task of ~125k changes would overflow the stack and never be rescanned.
      for (const record of records) pending.push(record);
      if (!queued) queued = setTimeout(() => void applyChanges(), 250);
    });
    const shadowRoots = new ShadowRoots(observer, highlightCss);
    // The background scans for every tab with one matcher: the page holds none.
    const scanner = new PageScanner(
      new ScanClient(() => rootLanguageTag(document)),
      highlighter,
      index,
      shadowRoots.meet,
    );
    const annotator = new Annotator(index);
    annotator.setPainted(settings.paintNotes);
    // The card's languages: the content language may follow the page's, known once text is read.
    const cardLanguages = () => ({
      uiLang: settings.uiLang,
      contentLang: resolveContentLanguage(settings.contentChoice, settings.uiLang, scanner.pageLanguage),
    });
    scanner.setDismissed(settings.dismissed);
    const card = new CardHost(
      ctx.signal,
      cardLanguages(),
      (mention, id) => annotator.save(mention.range, { note: '', tags: [] }, id),
      async (text, id, scope) => {
        const place = placeOf(host);
        const where = scope === 'page' ? place.page : scope === 'site' ? place.host : undefined;
        await setSetting(
          'dismissals',
          addDismissal(await getSetting('dismissals'), { text, entity: id, scope, where }),
        );
      },
    );
    const revealer = new Revealer(index);
    const toolbar = new ToolbarHost(ctx.signal, () => settings, annotator);
    // Saved notes are the reader's own: placed even where highlighting is switched off.
    const loadAnnotations = () =>
      annotator.load().catch((error: unknown) => console.debug('Context Lens: annotations', error));
    let retryTimer: ReturnType<typeof setTimeout> | undefined;
    const retryAnnotations = () => {
      if (annotator.counts.placed + annotator.counts.orphans === 0 || retryTimer) return;
      retryTimer = setTimeout(() => {
        retryTimer = undefined;
        void annotator.retry();
      }, 1000);
    };
    let scanned = false;
    /** The matcher of the last complete scan: 'bundled', or the packs' version. */
    let scannedWith = scanner.matcher;

    const report = () => {
      const message: BackgroundMessage = {
        type: 'content:status',
        payload: {
          url: location.href.slice(0, 4096),
          title: document.title.slice(0, 1000),
          frame: window === window.top ? 'top' : 'sub',
          ...scanner.stats,
          enabled: settings.enabled,
        },
      };
      browser.runtime.sendMessage(message).catch(() => {
        // The background may be restarting after an update; the next scan reports again.
      });
    };
    const scanAll = async () => {
      if (!settings.enabled || ctx.isInvalid) return;
      try {
        await scanner.scanAll(document.body, ctx.signal);
        scanned = true;
        scannedWith = scanner.matcher;
        card.setLanguages(cardLanguages());
      } catch (error) {
        console.debug('Context Lens: scan failed', error); // never throw into the page
      }
      report();
    };

    const applyChanges = async () => {
      queued = undefined;
      const records = pending;
      pending = [];
      if (ctx.isInvalid) return;
      retryAnnotations();
      if (!settings.enabled) return;
      try {
        const changes = summarizeMutations(records, isOurs, shadowRoots.meet);
        if (changes.removals) {
          scanner.forgetDisconnected();
          shadowRoots.forgetDisconnected();
        }
        if (changes.recheck.size) await scanner.rescanNodes(changes.recheck, ctx.signal);
        report();
      } catch (error) {
        console.debug('Context Lens: update failed', error);
      }
    };
    observer.observe(document.body, OBSERVE);
    ctx.onInvalidated(() => {
      observer.disconnect();
      scanner.clear();
      revealer.clear();
      annotator.clear();
      toolbar.hide();
      shadowRoots.restore();
      card.hide();
    });

    startHover(
      ctx,
      index,
      card,
      () => settings.hoverDelayMs,
      () => shadowRoots.all,
    );
    toolbar.start();
    startNoteHover(ctx, annotator, toolbar, () => shadowRoots.all);
    void scanAll().then(loadAnnotations);
    const stopLibraryWatch = watchLibraryChanges(() => void loadAnnotations());
    ctx.onInvalidated(stopLibraryWatch);
    // The user's packs changed: the background has a new matcher; scan again (a new document
    // scan there), no reload.
    const stopMatcherWatch = watchMatcherVersion((version) => {
      if (version !== scanner.matcher) void scanAll();
    });
    ctx.onInvalidated(stopMatcherWatch);

    watchContentSettings(host, (next) => {
      const was = settings;
      settings = next;
      highlighter.setKindsShown(next.kinds);
      highlighter.setStyle(next.style);
      card.setLanguages(cardLanguages());
      if (next.paintNotes !== was.paintNotes) annotator.setPainted(next.paintNotes);
      const dismissalsChanged = next.dismissalsKey !== was.dismissalsKey;
      if (dismissalsChanged) scanner.setDismissed(next.dismissed);
      if (!next.enabled) {
        scanner.clear();
        revealer.clear();
        shadowRoots.restore();
        card.hide();
        report();
      } else if (!was.enabled || dismissalsChanged) void scanAll();
    });

    const onMessage = (raw: unknown): Promise<ContentReplies[keyof ContentReplies]> | undefined => {
      const message = parseMessage(toContent, raw);
      if (!message || window !== window.top) return undefined;
      switch (message.type) {
        case 'page:status':
          return Promise.resolve({
            url: location.href,
            ...scanner.stats,
            longestTaskMs: scanner.longestTaskMs,
            scanned,
            scannedWith,
            enabled: settings.enabled,
          });
        case 'page:entities':
          return Promise.resolve({ entities: index.counts() });
        case 'mention:step':
          return stepToMention(index, card, message.payload.direction).then((ok) => ({ ok }));
        case 'mention:reveal':
          return Promise.resolve(revealer.reveal(message.payload.id, message.payload.direction));
        case 'page:save':
          return annotator.savePage();
        case 'annotations:status':
          return Promise.resolve({
            placed: annotator.counts.placed,
            notes: annotator.placedNotes(500),
            orphans: annotator.orphaned.map((a) => ({
              id: a.id,
              exact: a.target.selector[0].exact.slice(0, 200),
              note: a.body.note.slice(0, 200),
            })),
          });
        case 'annotation:reveal': {
          const range = annotator.rangeOf(message.payload.id);
          if (range) revealer.revealRange(range);
          return Promise.resolve({ ok: range !== null });
        }
        case 'selection:annotate':
          return toolbar.openForSelection().then((ok) => ({ ok }));
      }
    };
    browser.runtime.onMessage.addListener(onMessage);
    ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onMessage));
  },
});
