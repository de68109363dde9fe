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

/** Calls `onShadowRoot` for every open shadow root met on the way (the walk does not enter them). */
function readableTextWalker(root: Node, onShadowRoot?: (shadow: ShadowRoot) => void): TreeWalker {
  const doc = root.ownerDocument ?? (root as Document);
  return doc.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
    acceptNode(node) {
      if (node.nodeType === Node.ELEMENT_NODE) {
        if (isSkippedElement(node as Element)) return NodeFilter.FILTER_REJECT;
        const shadow = (node as Element).shadowRoot;
        if (shadow && onShadowRoot) onShadowRoot(shadow);
        return NodeFilter.FILTER_SKIP;
      }
      return (node as Text).data.trim() === '' ? NodeFilter.FILTER_SKIP : NodeFilter.FILTER_ACCEPT;
    },
  });
}

/** Collects the readable text nodes under `root`, then those of the open shadow roots inside it. */
export function collectTextNodes(root: Node, onShadowRoot?: (shadow: ShadowRoot) => void): Text[] {
  const nodes: Text[] = [];
  const next = textNodeBatches(root, onShadowRoot);
  for (let batch = next(Infinity, Infinity); batch.length; batch = next(Infinity, Infinity)) nodes.push(...batch);
  return nodes;
}

/**
 * The same walk, a batch at a time, so a huge page is read across several tasks: each call
 * returns the next nodes up to `maxChars` of text or until `deadline` (performance.now()),
 * at least one node, or [] at the end. Markup-heavy pages cost more per character than text.
 * Open shadow roots are read after the tree that holds them.
 */
export function textNodeBatches(
  root: Node,
  onShadowRoot?: (shadow: ShadowRoot) => void,
): (maxChars: number, deadline: number) => Text[] {
  const shadows: ShadowRoot[] = [];
  const meet = (shadow: ShadowRoot) => {
    shadows.push(shadow);
    onShadowRoot?.(shadow);
  };
  let walker = readableTextWalker(root, meet);
  return (maxChars, deadline) => {
    const batch: Text[] = [];
    let chars = 0;
    while (chars < maxChars || batch.length === 0) {
      let n = walker.nextNode() as Text | null;
      while (!n && shadows.length) {
        walker = readableTextWalker(shadows.shift()!, meet);
        n = walker.nextNode() as Text | null;
      }
      if (!n) break;
      batch.push(n);
      chars += n.length;
      if ((batch.length & 63) === 0 && performance.now() > deadline) break;
    }
    return batch;
  };
}
