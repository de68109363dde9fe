/**
 * Which text a reader sees and we may look at: every text node except those inside code,
 * form fields, editable areas, hidden or "do not translate" regions, and our own UI.
 */
const SKIPPED_TAGS = new Set([
  'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA', 'INPUT', 'SELECT', 'OPTION',
  'CODE', 'PRE', 'KBD', 'SAMP', 'SVG', 'MATH', 'IFRAME', 'OBJECT', 'CANVAS', 'CONTEXT-LENS-UI',
]);

/** True when nothing under `el` may be read or highlighted. */
export function isSkippedElement(el: Element): boolean {
  if (SKIPPED_TAGS.has(el.tagName.toUpperCase())) return true;
  // The attribute, not isContentEditable: reading that forces a style recalculation per element.
  // Children inherit editability, and the walker skips the whole subtree of a rejected element.
  const editable = el.getAttribute('contenteditable');
  if (editable !== null && editable !== 'false') return true;
  if (el.getAttribute('translate') === 'no') return true;
  if (el.getAttribute('aria-hidden') === 'true') return true;
  if (el.hasAttribute('data-context-lens-ui')) return true;
  return false;
}

function readableTextWalker(root: Node): TreeWalker {
  const doc = root.ownerDocument ?? (root as Document);
  return doc.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
    acceptNode(node) {
      if (node.nodeType === Node.ELEMENT_NODE) {
        return isSkippedElement(node as Element) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_SKIP;
      }
      return (node as Text).data.trim() === '' ? NodeFilter.FILTER_SKIP : NodeFilter.FILTER_ACCEPT;
    },
  });
}

/** Collects the readable text nodes under `root`, in document order. */
export function collectTextNodes(root: Node): Text[] {
  const nodes: Text[] = [];
  const walker = readableTextWalker(root);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n as Text);
  return nodes;
}

/**
 * The same walk, a batch at a time, so a huge page is read across several tasks: each call
 * returns the next nodes up to `maxChars` of text or until `deadline` (performance.now()),
 * at least one node, or [] at the end. Markup-heavy pages cost more per character than text.
 */
export function textNodeBatches(root: Node): (maxChars: number, deadline: number) => Text[] {
  const walker = readableTextWalker(root);
  return (maxChars, deadline) => {
    const batch: Text[] = [];
    let chars = 0;
    while (chars < maxChars || batch.length === 0) {
      const n = walker.nextNode() as Text | null;
      if (!n) break;
      batch.push(n);
      chars += n.length;
      if ((batch.length & 63) === 0 && performance.now() > deadline) break;
    }
    return batch;
  };
}
