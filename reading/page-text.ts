/**
 * Joins text nodes into one string the matcher can read, remembering where each node starts.
 * Nodes inside the same block (a paragraph with a link in it) are joined as they read, so
 * "<a>Secretary-General</a> Ban Ki-moon" is one run of text; nodes in different blocks are
 * separated by BLOCK_BREAK, a character no name contains and the normalizer keeps, so a name
 * never spans two paragraphs.
 */
import { wireTag, type WireBlock } from '../lib/scan/protocol';
import { isInlineTag } from './rules';

export const BLOCK_BREAK = '\u0000';

export function blockOf(node: Node): Element | null {
  let el = node.parentElement;
  while (el && isInlineTag(el.tagName)) el = el.parentElement;
  return el;
}

export interface PageText {
  text: string;
  nodes: Text[];
  /** starts[i] = offset of nodes[i] in `text`. */
  starts: number[];
  /** Each block's first offset in `text` and its element, in order. */
  blockStarts: number[];
  blocks: (Element | null)[];
}

export function joinTextNodes(nodes: Text[]): PageText {
  const parts: string[] = [];
  const starts: number[] = [];
  const blockStarts: number[] = [];
  const blocks: (Element | null)[] = [];
  let offset = 0;
  let previousBlock: Node | null | undefined;
  // Neighbouring text nodes usually share a parent, hence a block: look it up once per parent.
  let lastParent: Element | null | undefined;
  let lastBlock: Element | null = null;
  for (const node of nodes) {
    const parent = node.parentElement;
    if (parent !== lastParent) {
      lastParent = parent;
      lastBlock = blockOf(node);
    }
    const block = lastBlock;
    if (previousBlock !== undefined && block !== previousBlock) {
      parts.push(BLOCK_BREAK);
      offset += 1;
    }
    if (block !== previousBlock) {
      blockStarts.push(offset);
      blocks.push(block);
    }
    starts.push(offset);
    const data = node.data;
    parts.push(data);
    offset += data.length;
    previousBlock = block;
  }
  return { text: parts.join(''), nodes, starts, blockStarts, blocks };
}

/**
 * The document's language as the page states it (the root element's lang attribute), to be
 * checked against its text once (documentLanguage) and then used wherever no element closer
 * to the text declares another.
 */
export function rootLanguageTag(doc: Document): string | null {
  return doc.documentElement?.getAttribute('lang') || null;
}

/**
 * Each block of a joined text with the lang attribute nearest above it (null: none below the
 * root, so the document's language, which the background checks against the text). The
 * background works out each block's language from these (lib/scan/session.ts).
 */
export function wireBlocks(page: PageText): WireBlock[] {
  const tagOf = new Map<Element | null, string | null>();
  return page.blocks.map((block, k) => {
    let tag = tagOf.get(block);
    if (tag === undefined) {
      const holder = block?.closest('[lang]') ?? null;
      tag =
        holder === null || holder === holder.ownerDocument.documentElement
          ? null
          : wireTag(holder.getAttribute('lang'));
      tagOf.set(block, tag);
    }
    return { at: page.blockStarts[k]!, tag };
  });
}

/** The node holding text offset `at` (the last node starting at or before it), by binary search. */
export function nodeIndexAt(page: PageText, at: number): number {
  let lo = 0;
  let hi = page.starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((page.starts[mid] ?? 0) <= at) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** A StaticRange for text offsets [start, end) — StaticRanges cost the page nothing on later edits. */
export function staticRangeFor(page: PageText, start: number, end: number): StaticRange | null {
  if (page.nodes.length === 0 || end <= start) return null;
  const a = nodeIndexAt(page, start);
  const b = nodeIndexAt(page, end - 1);
  const startNode = page.nodes[a]!;
  const endNode = page.nodes[b]!;
  const startOffset = start - page.starts[a]!;
  const endOffset = end - page.starts[b]!;
  if (startOffset > startNode.length || endOffset > endNode.length) return null;
  return new StaticRange({ startContainer: startNode, startOffset, endContainer: endNode, endOffset });
}

/**
 * The text offsets [start, end) a DOM range covers in a joined text, or null when it covers no
 * text of it. A boundary in a text node (a mouse selection, a mention) is looked up directly; one
 * between elements is found by binary search over the nodes, which are in document order. (Asking
 * Range.intersectsNode of every node was quadratic: each call counts the node's siblings, and a
 * page of 200,000 sibling text nodes never finished saving a note.)
 */
export function offsetsOfRange(page: PageText, range: AbstractRange): { start: number; end: number } | null {
  if (page.nodes.length === 0) return null;
  let index: Map<Text, number> | undefined;
  const indexOf = (node: Node): number | undefined => {
    index ??= new Map(page.nodes.map((n, i) => [n, i]));
    return index.get(node as Text);
  };
  /** The first node that starts at or after a boundary point (page.nodes.length if none). */
  const firstAfter = (container: Node, offset: number): number => {
    const point = container.ownerDocument!.createRange();
    point.setStart(container, offset);
    const after = (k: number): boolean => {
      try {
        return point.comparePoint(page.nodes[k]!, 0) >= 0;
      } catch {
        return true; // a node in another tree (a shadow root): those come last
      }
    };
    let lo = 0;
    let hi = page.nodes.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (after(mid)) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  };
  const offsetAt = (container: Node, offset: number, side: 'start' | 'end'): number => {
    const i = container.nodeType === Node.TEXT_NODE ? indexOf(container) : undefined;
    if (i !== undefined) return page.starts[i]! + Math.min(offset, page.nodes[i]!.length);
    const k = firstAfter(container, offset);
    if (side === 'start') return k < page.nodes.length ? page.starts[k]! : page.text.length;
    return k > 0 ? page.starts[k - 1]! + page.nodes[k - 1]!.length : 0;
  };
  const start = offsetAt(range.startContainer, range.startOffset, 'start');
  const end = offsetAt(range.endContainer, range.endOffset, 'end');
  return end > start ? { start, end } : null;
}
