/**
 * The text position under a point: caretPositionFromPoint where it exists (given the open shadow
 * roots, or it stops at their hosts), caretRangeFromPoint otherwise.
 */
import { isReadable } from '../../reading/text-nodes';

export interface Caret {
  node: Node;
  offset: number;
}

export function caretAt(x: number, y: number, shadowRoots: ShadowRoot[]): Caret | null {
  const doc = document as Document & {
    caretPositionFromPoint?: (
      x: number,
      y: number,
      options?: { shadowRoots: ShadowRoot[] },
    ) => { offsetNode: Node; offset: number } | null;
    caretRangeFromPoint?: (x: number, y: number) => Range | null;
  };
  if (doc.caretPositionFromPoint) {
    // Without the shadow roots listed, the caret stops at their hosts.
    const p = doc.caretPositionFromPoint(x, y, { shadowRoots });
    return p ? { node: p.offsetNode, offset: p.offset } : null;
  }
  const r = doc.caretRangeFromPoint?.(x, y);
  return r ? { node: r.startContainer, offset: r.startOffset } : null;
}

/**
 * The first readable text node on screen, probed down the left part of the viewport: the scan
 * starts there so what the reader sees is highlighted first, even on a page opened scrolled.
 */
export function firstVisibleTextNode(): Text | null {
  // At the top of the page document order already starts on screen; probing would force a
  // layout of a page that may not have had one yet (1.3 s on a 10 MB page).
  if (window.scrollY < 1) return null;
  const x = Math.max(1, Math.round(window.innerWidth * 0.25));
  for (let y = 8; y < window.innerHeight; y += 48) {
    const caret = caretAt(x, y, []);
    if (caret && isReadable(caret.node)) return caret.node as Text;
  }
  return null;
}
