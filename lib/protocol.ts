/**
 * The one message protocol between the extension's parts, a map per direction.
 * Every receiver calls `parseMessage` and ignores anything that does not validate:
 * messages can come from other extensions or from a compromised page.
 */
import { z } from 'zod';
import type { Check } from './checks';
import { onFirstUse } from './messages';
import type { Entity, Kind } from './dataset/schema';
import { annotationSchema, savedPageSchema, type Annotation } from './annotations/model';

/** Messages sent to the background (from content scripts, popup and library page). */
export const toBackground = onFirstUse(() =>
  checksOf({
    /** The content script of a tab's top frame finished a pass over its page (frames do not report). */
    'content:status': z.strictObject({
      url: z.string().max(4096),
      title: z.string().max(1000),
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
  }),
);

export type ToBackground = ReturnType<typeof toBackground>;

/** A map of zod schemas as checks (lib/checks.ts): each payload parsed by its schema. */
function checksOf<M extends Record<string, z.ZodType>>(schemas: M): { [K in keyof M]: Check<z.output<M[K]>> } {
  const check = (schema: z.ZodType) => (raw: unknown) => {
    const parsed = schema.safeParse(raw);
    return parsed.success ? parsed.data : undefined;
  };
  return Object.fromEntries(Object.entries(schemas).map(([type, schema]) => [type, check(schema)])) as {
    [K in keyof M]: Check<z.output<M[K]>>;
  };
}
export { onFirstUse, parseMessage, type MessageOf } from './messages';
export { toContent, type ToContent } from './protocol-content';

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
  /** scanned: the whole page has been read (a page opened at its top is read as the reader nears
   * each part; asking for the status has the rest read now). scannedWith: the matcher version
   * of the last scan ('bundled' until a pack matcher has scanned). */
  'page:status': {
    url: string;
    textNodes: number;
    mentions: number;
    longestTaskMs: number;
    scanned: boolean;
    scannedWith: string;
    enabled: boolean;
  };
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
