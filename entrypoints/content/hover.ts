/**
 * Hover intent: finds the mention under the pointer from the caret position (no wrapper
 * elements exist to listen on), waits the configured delay, then opens the card. The card stays
 * while the pointer is on it, closes on Esc, and survives pointer moves when pinned (WCAG 1.4.13).
 * Only the reader's own pointer and keys count: events made up by page script are ignored.
 */
import type { CardHost } from './card-host';
import type { Lens } from './lens';
import type { Lifetime } from './lifetime';
import type { MentionIndex, PageMention } from './mention-index';
import { caretAt } from './caret';

/** True when (x, y) is over the glyph at `offset` of `node`, not just nearest to it. */
export function overGlyph(node: Node, offset: number, x: number, y: number): boolean {
  if (node.nodeType !== Node.TEXT_NODE || offset < 0 || offset >= (node as Text).length) return false;
  const probe = document.createRange(); // short-lived: dropped at once, never registered
  probe.setStart(node, offset);
  probe.setEnd(node, offset + 1);
  for (const rect of probe.getClientRects()) {
    if (x >= rect.left - 1 && x <= rect.right + 1 && y >= rect.top - 1 && y <= rect.bottom + 1) return true;
  }
  return false;
}

export function mentionAtPoint(
  index: MentionIndex,
  x: number,
  y: number,
  shadowRoots: ShadowRoot[] = [],
): PageMention | null {
  const caret = caretAt(x, y, shadowRoots);
  if (!caret) return null;
  // The caret sits before the nearest glyph boundary: the glyph under the pointer is at offset or offset-1.
  for (const offset of [caret.offset, caret.offset - 1]) {
    if (overGlyph(caret.node, offset, x, y)) return index.at(caret.node, offset);
  }
  return null;
}

/** The first (or last) line box of a range, through a short-lived live Range never registered. */
export function rectOfRange(range: AbstractRange, which: 'first' | 'last' = 'first'): DOMRect {
  const r = document.createRange();
  r.setStart(range.startContainer, range.startOffset);
  r.setEnd(range.endContainer, range.endOffset);
  const rects = r.getClientRects();
  return rects[which === 'first' ? 0 : rects.length - 1] ?? r.getBoundingClientRect();
}

export function rectOfMention(mention: PageMention): DOMRect {
  return rectOfRange(mention.range);
}

/** Scrolls a mention to a third of the way down the viewport (only if it is off screen, when asked). */
export function scrollToMention(mention: PageMention, onlyIfHidden = false): void {
  const rect = rectOfMention(mention);
  if (onlyIfHidden && rect.top >= 0 && rect.bottom <= window.innerHeight) return;
  window.scrollBy({ top: rect.top - window.innerHeight / 3, behavior: 'instant' as ScrollBehavior });
}

/** The part that opens a mention's card when the pointer rests on it, and closes it after. */
export function startHover(life: Lifetime, lens: Lens): void {
  const { index, card, shadowRoots } = lens;
  let pending: number | undefined;
  let pendingMention: PageMention | null = null;
  let hideTimer: number | undefined;
  let frame = 0;
  let last = { x: 0, y: 0 };

  const cancelPending = () => {
    life.clearTimeout(pending);
    pending = undefined;
    pendingMention = null;
  };

  const onFrame = () => {
    frame = 0;
    if (card.pointerInside) {
      life.clearTimeout(hideTimer);
      hideTimer = undefined;
      return;
    }
    const mention = mentionAtPoint(index, last.x, last.y, shadowRoots.all);
    if (mention) {
      life.clearTimeout(hideTimer);
      hideTimer = undefined;
      if (card.current?.mention === mention || pendingMention === mention) return;
      cancelPending();
      pendingMention = mention;
      card.prepare();
      pending = life.setTimeout(() => {
        pending = undefined;
        pendingMention = null;
        void card.show(mention, rectOfMention(mention));
      }, lens.settings.hoverDelayMs);
    } else {
      cancelPending();
      if (card.current && !card.current.pinned && !hideTimer) {
        // A grace period lets the pointer travel from the mention into the card.
        hideTimer = life.setTimeout(() => {
          hideTimer = undefined;
          if (!card.pointerInside && card.current && !card.current.pinned) card.hide();
        }, 350);
      }
    }
  };

  life.listen(
    document,
    'pointermove',
    (event) => {
      if (!event.isTrusted) return;
      last = { x: event.clientX, y: event.clientY };
      if (!frame) frame = life.requestFrame(onFrame);
    },
    { passive: true },
  );
  life.listen(document, 'keydown', (event) => {
    if (event.isTrusted && event.key === 'Escape' && card.current) {
      cancelPending();
      card.hide();
    }
  });
  // The card follows its mention when the page scrolls.
  let scrollFrame = 0;
  life.listen(
    window,
    'scroll',
    () => {
      if (!card.current || scrollFrame) return;
      scrollFrame = life.requestFrame(() => {
        scrollFrame = 0;
        if (card.current) card.moveTo(rectOfMention(card.current.mention));
      });
    },
    { passive: true, capture: true },
  );
}

/** Keyboard navigation: the next (or previous) mention after the one whose card is open. */
export async function stepToMention(
  index: MentionIndex,
  card: CardHost,
  direction: 'next' | 'previous',
): Promise<boolean> {
  const all = index.inDocumentOrder();
  if (all.length === 0) return false;
  const at = card.current ? all.indexOf(card.current.mention) : -1;
  const next = direction === 'next' ? all[(at + 1) % all.length] : all[(at - 1 + all.length) % all.length];
  if (!next) return false;
  scrollToMention(next);
  await card.show(next, rectOfMention(next), true);
  return true;
}
