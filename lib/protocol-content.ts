/**
 * Messages to a tab's content script (from the background and the popup). Written with the
 * hand-made checks of lib/checks.ts and apart from lib/protocol.ts, so the content script
 * carries no validation library and none of the annotation schemas into every page;
 * lib/protocol.ts re-exports it.
 */
import { oneOf, strict, text } from './checks';
import { onFirstUse } from './messages';

const none = strict({});

/** Messages sent from the background or popup to a tab's content script. */
export const toContent = onFirstUse(
  () =>
    ({
      'page:status': none,
      /** The entities found on the page, with mention counts, for the popup. */
      'page:entities': none,
      /** Keyboard command: move to the next or previous mention and open its card. */
      'mention:step': strict({ direction: oneOf(['next', 'previous']) }),
      /** The popup's "show me": scroll to a mention of this entity and flash it. */
      'mention:reveal': strict({
        id: text({ max: 200 }),
        direction: oneOf(['first', 'next', 'previous']),
      }),
      /** The popup's "save this page". */
      'page:save': none,
      /** Saved annotations placed on the page and those that could not be (orphans). */
      'annotations:status': none,
      /** The popup's "show" on a saved note: scroll to its passage and flash it. */
      'annotation:reveal': strict({ id: text({ max: 100 }) }),
      /** Keyboard command: open the note form on the current selection. */
      'selection:annotate': none,
    }) as const,
);

export type ToContent = ReturnType<typeof toContent>;
