/**
 * Messages to a tab's content script (from the background and the popup). In zod/mini and
 * apart from lib/protocol.ts, so the content script carries a small validator into every page
 * instead of all of zod and the annotation schemas; lib/protocol.ts re-exports it.
 */
import * as z from 'zod/mini';
import { onFirstUse } from './messages';

/** Messages sent from the background or popup to a tab's content script. */
export const toContent = onFirstUse(
  () =>
    ({
      'page:status': z.strictObject({}),
      /** The entities found on the page, with mention counts, for the popup. */
      'page:entities': z.strictObject({}),
      /** Keyboard command: move to the next or previous mention and open its card. */
      'mention:step': z.strictObject({ direction: z.enum(['next', 'previous']) }),
      /** The popup's "show me": scroll to a mention of this entity and flash it. */
      'mention:reveal': z.strictObject({
        id: z.string().check(z.maxLength(200)),
        direction: z.enum(['first', 'next', 'previous']),
      }),
      /** The popup's "save this page". */
      'page:save': z.strictObject({}),
      /** Saved annotations placed on the page and those that could not be (orphans). */
      'annotations:status': z.strictObject({}),
      /** The popup's "show" on a saved note: scroll to its passage and flash it. */
      'annotation:reveal': z.strictObject({ id: z.string().check(z.maxLength(100)) }),
      /** Keyboard command: open the note form on the current selection. */
      'selection:annotate': z.strictObject({}),
    }) as const,
);

export type ToContent = ReturnType<typeof toContent>;
