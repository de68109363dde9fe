/**
 * The part that answers the popup and the background (keyboard commands): one handler per
 * message of lib/protocol-content.ts, each returning its declared reply. Only the top frame
 * answers; messages that do not validate get no answer at all.
 */
import { browser } from 'wxt/browser';
import { dispatch, type Handlers } from '../../lib/messages';
import { toContent, type ToContent } from '../../lib/protocol-content';
import type { ContentReplies } from '../../lib/protocol';
import { stepToMention } from './hover';
import type { Lens } from './lens';
import type { Lifetime } from './lifetime';

/** What the popup shows of the page; `scanned` once the whole page has been read. */
function status(lens: Lens): ContentReplies['page:status'] {
  return {
    url: location.href,
    ...lens.scanner.stats,
    longestTaskMs: lens.scanner.longestTaskMs,
    scanned: lens.scanned && lens.scanner.readWhole,
    scannedWith: lens.scannedWith,
    enabled: lens.settings.enabled,
  };
}

function handlersFor(lens: Lens): Handlers<ToContent, ContentReplies, void> {
  const { scanner, index, card, revealer, annotator, toolbar } = lens;
  return {
    'page:status': () => {
      // The popup is open: it lists the whole page, so what was left for later is read now,
      // and reported (content:status) as it comes.
      void scanner.readAll();
      return status(lens);
    },
    'page:entities': () => ({ entities: index.counts() }),
    'mention:step': async ({ direction }) => {
      await scanner.readAll();
      return { ok: await stepToMention(index, card, direction) };
    },
    'mention:reveal': async ({ id, direction }) => {
      await scanner.readAll();
      return revealer.reveal(id, direction);
    },
    'page:save': () => annotator.savePage(),
    'annotations:status': () => ({
      placed: annotator.counts.placed,
      notes: annotator.placedNotes(500),
      orphans: annotator.orphaned.map((a) => ({
        id: a.id,
        exact: a.target.selector[0].exact.slice(0, 200),
        note: a.body.note.slice(0, 200),
      })),
    }),
    'annotation:reveal': ({ id }) => {
      const range = annotator.rangeOf(id);
      if (range) revealer.revealRange(range);
      return { ok: range !== null };
    },
    'selection:annotate': async () => ({ ok: await toolbar.openForSelection() }),
  };
}

export function answerMessages(life: Lifetime, lens: Lens): void {
  const handlers = handlersFor(lens);
  const onMessage = (raw: unknown) =>
    window === window.top ? dispatch(toContent, handlers, raw, undefined) : undefined;
  browser.runtime.onMessage.addListener(onMessage);
  life.onEnd(() => browser.runtime.onMessage.removeListener(onMessage));
}
