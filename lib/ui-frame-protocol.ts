/**
 * What the content script and the UI frame say to each other, over the private MessageChannel
 * that connects them (entrypoints/content/ui-frame-host.ts sets it up). The frame is an
 * extension page inside the web page: it draws the card, the selection toolbar, the note editor
 * and note bubbles, so that nothing the reader sees or types there is in the page's DOM.
 * Both ends validate everything they receive and ignore what does not fit.
 */
import * as z from 'zod/mini';
import { LANGS } from './dataset/basics';
import { onFirstUse, type MessageOf } from './messages';

const lang = z.enum(LANGS);
const id = z.string().check(z.minLength(1), z.maxLength(200));

/** Content script → frame. */
export const toFrame = onFirstUse(
  () =>
    ({
      /** Show the card of a mention: its candidates best first (the reader's rejections left out). */
      card: z.strictObject({
        text: z.string().check(z.maxLength(1000)),
        candidates: z.array(id).check(z.minLength(1), z.maxLength(50)),
        pinned: z.boolean(),
        focus: z.boolean(),
        uiLang: lang,
        contentLang: lang,
      }),
      /** Show the selection toolbar (or go straight to the note form). */
      toolbar: z.strictObject({ startWithNote: z.boolean(), uiLang: lang }),
      /** Show a saved note over its passage. */
      note: z.strictObject({
        note: z.string().check(z.maxLength(10_000)),
        tags: z.array(z.string().check(z.maxLength(100))).check(z.maxLength(50)),
        uiLang: lang,
      }),
      /** The surface was hidden: draw nothing (a hidden frame keeps no note or card in it). */
      clear: z.strictObject({}),
      /** The reader changed the interface or card language while a card is shown. */
      languages: z.strictObject({ uiLang: lang, contentLang: lang }),
      /** The answer to a save the frame asked for. */
      saved: z.strictObject({
        request: z.int().check(z.nonnegative()),
        ok: z.boolean(),
        reason: z.optional(z.enum(['quota', 'failed', 'unsupported', 'empty'])),
      }),
    }) as const,
);

/** Frame → content script. */
export const fromFrame = onFirstUse(
  () =>
    ({
      /** The drawn surface's natural size in CSS pixels, sent whenever it changes. */
      size: z.strictObject({
        width: z.number().check(z.nonnegative(), z.lte(4000)),
        height: z.number().check(z.nonnegative(), z.lte(20_000)),
      }),
      /** The pointer entered or left the frame (the card stays open while it is inside). */
      pointer: z.strictObject({ inside: z.boolean() }),
      close: z.strictObject({}),
      pin: z.strictObject({ pinned: z.boolean() }),
      /** Save the mention the card is about, as this entity. */
      saveMention: z.strictObject({ request: z.int().check(z.nonnegative()), entityId: id }),
      /** Save the selection the toolbar is about, with this note and tags. */
      saveSelection: z.strictObject({
        request: z.int().check(z.nonnegative()),
        note: z.string().check(z.maxLength(10_000)),
        tags: z.array(z.string().check(z.maxLength(100))).check(z.maxLength(50)),
      }),
      /**
       * The note form opened: the page's selection would grey out while the reader types in the
       * frame, so the content script marks the passage itself instead.
       */
      noting: z.strictObject({}),
      /** Stop highlighting this mention's text as this entity: on this page, this site or everywhere. */
      dismiss: z.strictObject({
        text: z.string().check(z.minLength(1), z.maxLength(300)),
        entityId: id,
        scope: z.enum(['page', 'site', 'everywhere']),
      }),
      /** Change the note shown in the bubble (its note and tags). */
      noteUpdate: z.strictObject({
        request: z.int().check(z.nonnegative()),
        note: z.string().check(z.maxLength(10_000)),
        tags: z.array(z.string().check(z.maxLength(100))).check(z.maxLength(50)),
      }),
      /** Delete the note shown in the bubble. */
      noteDelete: z.strictObject({ request: z.int().check(z.nonnegative()) }),
      /** "Not this one": the reader says this mention is not that entity (for this page). */
      notThis: z.strictObject({ text: z.string().check(z.maxLength(1000)), entityId: id }),
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
