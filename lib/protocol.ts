/**
 * The one message protocol between the extension's parts, a map per direction.
 * Every receiver calls `parseMessage` and ignores anything that does not validate:
 * messages can come from other extensions or from a compromised page.
 */
import { z } from 'zod';
import type { Entity, Kind } from './dataset/schema';
import { annotationSchema, savedPageSchema, type Annotation } from './annotations/model';

/**
 * A direction's schemas, built on first use: built at load, the message schemas were most of
 * the content script's first task on every page (about 20 ms here), for messages most pages
 * never receive.
 */
export function onFirstUse<M extends Record<string, z.ZodType>>(build: () => M): () => M {
  let map: M | undefined;
  return () => (map ??= build());
}

/** Messages sent to the background (from content scripts, popup and library page). */
export const toBackground = onFirstUse(() => ({
  /** A content script finished a pass over its frame. */
  'content:status': z.strictObject({
    url: z.string().max(4096),
    title: z.string().max(1000),
    frame: z.enum(['top', 'sub']),
    textNodes: z.number().int().nonnegative(),
    mentions: z.number().int().nonnegative(),
    /** Whether highlighting runs on this page (off globally or for this site: false). */
    enabled: z.boolean(),
  }),
  /** Liveness check used by tests and the popup. */
  ping: z.strictObject({}),
  /** Entity records for a hover card or the popup, by id. */
  'entities:get': z.strictObject({ ids: z.array(z.string().max(200)).max(200) }),
  /** The saved annotations of a page (canonical URL), for re-anchoring. */
  'annotations:forPage': z.strictObject({ url: z.string().max(2048) }),
  /** Save a highlight or note, with its page. */
  'annotation:save': z.strictObject({ page: savedPageSchema, annotation: annotationSchema }),
  /** A note edited from its bubble on the page it is on (`page`: that page's canonical URL). */
  'annotation:update': z.strictObject({
    page: z.string().max(4096),
    id: z.string().max(100),
    note: z.string().max(10_000),
    tags: z.array(z.string().min(1).max(100)).max(50),
  }),
  /** A note deleted from its bubble on the page it is on. */
  'annotation:delete': z.strictObject({ page: z.string().max(4096), id: z.string().max(100) }),
  /** Save a page to the library without an annotation. */
  'page:save': z.strictObject({ page: savedPageSchema }),
  /** A content script is about to embed the UI frame with this token (see frame:claim). */
  'frame:register': z.strictObject({ token: z.string().min(32).max(128) }),
  /**
   * The UI frame checks that the token it was handed was registered by a content script of its
   * own tab: a page that embeds ui-frame.html itself (knowing the URL) gets a frame that does nothing.
   */
  'frame:claim': z.strictObject({ token: z.string().min(32).max(128) }),
  /** Open the library in a new tab, at an entity's notes or a page's. Pages cannot link to it. */
  'library:open': z.strictObject({ entity: z.string().max(200).optional() }),
}) as const);

/** Messages sent from the background or popup to a tab's content script. */
export const toContent = onFirstUse(() => ({
  'page:status': z.strictObject({}),
  /** The entities found on the page, with mention counts, for the popup. */
  'page:entities': z.strictObject({}),
  /** Keyboard command: move to the next or previous mention and open its card. */
  'mention:step': z.strictObject({ direction: z.enum(['next', 'previous']) }),
  /** The popup's "show me": scroll to a mention of this entity and flash it. */
  'mention:reveal': z.strictObject({ id: z.string().max(200), direction: z.enum(['first', 'next', 'previous']) }),
  /** The popup's "save this page". */
  'page:save': z.strictObject({}),
  /** Saved annotations placed on the page and those that could not be (orphans). */
  'annotations:status': z.strictObject({}),
  /** The popup's "show" on a saved note: scroll to its passage and flash it. */
  'annotation:reveal': z.strictObject({ id: z.string().max(100) }),
  /** Keyboard command: open the note form on the current selection. */
  'selection:annotate': z.strictObject({}),
}) as const);

export type ToBackground = ReturnType<typeof toBackground>;
export type ToContent = ReturnType<typeof toContent>;
export type MessageOf<M extends Record<string, z.ZodType>> = {
  [K in keyof M]: { type: K; payload: z.infer<M[K]> };
}[keyof M];

export type BackgroundMessage = MessageOf<ToBackground>;
export type ContentMessage = MessageOf<ToContent>;

/** Replies, by message type. */
export interface BackgroundReplies {
  /** packOf: the pack's name for entities that come from a user pack. */
  'entities:get': { entities: Entity[]; packOf: Record<string, string> };
  'content:status': { ok: true };
  ping: { ok: true; version: string };
  'annotations:forPage': { annotations: Annotation[] };
  'annotation:save': SaveOutcome;
  'annotation:update': SaveOutcome;
  'annotation:delete': SaveOutcome;
  'page:save': SaveOutcome;
  'library:open': { ok: boolean };
  'frame:register': { ok: boolean };
  'frame:claim': { ok: boolean };
}

/** Why a save did not happen: no room left, a page that cannot be saved, nothing selected, or another failure. */
export type SaveOutcome = { ok: true } | { ok: false; reason: 'quota' | 'failed' | 'unsupported' | 'empty' };
export interface ContentReplies {
  /** scannedWith: the matcher version of the last complete scan ('bundled' until a pack matcher has scanned). */
  'page:status': { url: string; textNodes: number; mentions: number; longestTaskMs: number; scanned: boolean; scannedWith: string; enabled: boolean };
  'mention:step': { ok: boolean };
  'mention:reveal': { ok: boolean; position: number; total: number };
  'page:save': SaveOutcome;
  'annotations:status': {
    placed: number;
    /** The placed notes and highlights, in page order (at most 500). */
    notes: { id: string; exact: string; note: string }[];
    orphans: { id: string; exact: string; note: string }[];
  };
  'annotation:reveal': { ok: boolean };
  'selection:annotate': { ok: boolean };
  'page:entities': { entities: { id: string; kind: Kind; count: number }[] };
}

/** Validates an incoming message against one direction's map; `null` for anything unknown or malformed. */
export function parseMessage<M extends Record<string, z.ZodType>>(
  schemas: () => M,
  raw: unknown,
): MessageOf<M> | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const map = schemas();
  const { type, payload } = raw as { type?: unknown; payload?: unknown };
  if (typeof type !== 'string' || !Object.hasOwn(map, type)) return null;
  const schema = map[type as keyof M];
  if (!schema) return null;
  const parsed = schema.safeParse(payload ?? {});
  if (!parsed.success) return null;
  return { type, payload: parsed.data } as MessageOf<M>;
}
