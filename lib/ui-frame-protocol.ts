/**
 * What the content script and the UI frame say to each other, over the private MessageChannel
 * that connects them (entrypoints/content/ui-frame-host.ts sets it up). The frame is an
 * extension page inside the web page: it draws the card, the selection toolbar, the note editor
 * and note bubbles, so that nothing the reader sees or types there is in the page's DOM.
 * Both ends validate everything they receive and ignore what does not fit.
 */
import { bool, int, list, num, oneOf, optional, strict, text } from './checks';
import { LANGS } from './dataset/basics';
import { DISMISS_SCOPES } from './dismissals';
import { onFirstUse, type MessageOf } from './messages';

const lang = oneOf(LANGS);
const id = text({ min: 1, max: 200 });
const request = int(0);
const tags = list(text({ max: 100 }), { max: 50 });

/** Content script → frame. */
export const toFrame = onFirstUse(
  () =>
    ({
      /** Show the card of a mention: its candidates best first (the reader's rejections left out). */
      card: strict({
        text: text({ max: 1000 }),
        candidates: list(id, { min: 1, max: 50 }),
        pinned: bool,
        focus: bool,
        uiLang: lang,
        contentLang: lang,
      }),
      /** Show the selection toolbar (or go straight to the note form). */
      toolbar: strict({ startWithNote: bool, uiLang: lang }),
      /** Show a saved note over its passage. */
      note: strict({
        note: text({ max: 10_000 }),
        tags: tags,
        uiLang: lang,
      }),
      /** The surface was hidden: draw nothing (a hidden frame keeps no note or card in it). */
      clear: strict({}),
      /** The reader changed the interface or card language while a card is shown. */
      languages: strict({ uiLang: lang, contentLang: lang }),
      /** The answer to a save the frame asked for. */
      saved: strict({
        request: request,
        ok: bool,
        reason: optional(oneOf(['quota', 'failed', 'unsupported', 'empty'])),
      }),
    }) as const,
);

/** Frame → content script. */
export const fromFrame = onFirstUse(
  () =>
    ({
      /** The drawn surface's natural size in CSS pixels, sent whenever it changes. */
      size: strict({
        width: num(0, 4000),
        height: num(0, 20_000),
      }),
      /** The pointer entered or left the frame (the card stays open while it is inside). */
      pointer: strict({ inside: bool }),
      close: strict({}),
      pin: strict({ pinned: bool }),
      /** Save the mention the card is about, as this entity. */
      saveMention: strict({ request: request, entityId: id }),
      /** Save the selection the toolbar is about, with this note and tags. */
      saveSelection: strict({
        request: request,
        note: text({ max: 10_000 }),
        tags: tags,
      }),
      /**
       * The note form opened: the page's selection would grey out while the reader types in the
       * frame, so the content script marks the passage itself instead.
       */
      noting: strict({}),
      /** Stop highlighting this mention's text as this entity: on this page, this site or everywhere. */
      dismiss: strict({
        text: text({ min: 1, max: 300 }),
        entityId: id,
        scope: oneOf(DISMISS_SCOPES),
      }),
      /** Change the note shown in the bubble (its note and tags). */
      noteUpdate: strict({
        request: request,
        note: text({ max: 10_000 }),
        tags: tags,
      }),
      /** Delete the note shown in the bubble. */
      noteDelete: strict({ request: request }),
      /** "Not this one": the reader says this mention is not that entity (for this page). */
      notThis: strict({ text: text({ max: 1000 }), entityId: id }),
    }) as const,
);

export type ToFrameMessage = MessageOf<ReturnType<typeof toFrame>>;
export type FromFrameMessage = MessageOf<ReturnType<typeof fromFrame>>;

/** The first message on the window, carrying the port: accepted only with the frame's own token. */
export interface FrameHandshake {
  contextLensFrame: string;
}

export function isHandshake(data: unknown, token: string): data is FrameHandshake {
  return (
    typeof data === 'object' &&
    data !== null &&
    (data as Partial<FrameHandshake>).contextLensFrame === token &&
    token.length >= 16
  );
}
