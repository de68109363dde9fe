/**
 * Follows page changes: batches MutationObserver records and works out which text needs a new
 * look — the blocks (paragraphs, list items, cells) that gained or changed text — and which
 * text nodes left the page. Our own UI is ignored, and highlights never mutate the DOM, so we
 * cannot start a loop with a page that reacts to its own mutations.
 */
import { blockOf } from '../../reading/page-text';
import { isInlineTag } from '../../reading/rules';
import { collectTextNodes, isSkippedElement } from '../../reading/text-nodes';

export interface PageChanges {
  /** Text nodes to scan again (in changed blocks). */
  recheck: Set<Text>;
  /** True when some nodes may have left the page. */
  removals: boolean;
}

/** A text node or inline element: what it holds is read as part of its block's text. */
function joinsSurroundingText(node: Node): boolean {
  return (
    node.nodeType === Node.TEXT_NODE || (node.nodeType === Node.ELEMENT_NODE && isInlineTag((node as Element).tagName))
  );
}

function insideSkipped(node: Node, isOurs: (n: Node) => boolean): boolean {
  for (let el = node.parentElement; el; el = el.parentElement) {
    if (isSkippedElement(el) || isOurs(el)) return true;
  }
  return false;
}

export function summarizeMutations(
  records: MutationRecord[],
  isOurs: (n: Node) => boolean,
  onShadowRoot?: (shadow: ShadowRoot) => void,
): PageChanges {
  const blocks = new Set<Element>();
  let removals = false;
  for (const r of records) {
    if (isOurs(r.target)) continue;
    if (r.type === 'characterData') {
      const block = blockOf(r.target);
      if (block) blocks.add(block);
      continue;
    }
    if (r.removedNodes.length) removals = true;
    for (const added of r.addedNodes) {
      if (isOurs(added) || !added.isConnected) continue;
      if (added.nodeType === Node.ELEMENT_NODE && isSkippedElement(added as Element)) continue;
      if (added.nodeType === Node.ELEMENT_NODE) blocks.add(added as Element);
      // Text or inline content joins the text around it; a block of its own does not, and
      // its parent's other text need not be read again (a banner appended to <body> would
      // otherwise have the whole page read again).
      if (!joinsSurroundingText(added)) continue;
      const block = blockOf(added);
      if (block) blocks.add(block);
    }
    // Text removed from a block changes what the block reads.
    if (
      r.target.nodeType === Node.ELEMENT_NODE &&
      r.target.isConnected &&
      Array.prototype.some.call(r.removedNodes, joinsSurroundingText)
    ) {
      const block = blockOf(r.target.firstChild ?? r.target) ?? (r.target as Element);
      blocks.add(block);
    }
  }
  const recheck = new Set<Text>();
  for (const block of blocks) {
    if (!block.isConnected || insideSkipped(block, isOurs) || isSkippedElement(block)) continue;
    for (const node of collectTextNodes(block, onShadowRoot)) recheck.add(node);
  }
  return { recheck, removals };
}
