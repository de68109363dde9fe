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

/** True when `node` may be read: no ancestor of it is skipped. */
export function isReadable(node: Node): boolean {
  for (let el = node.parentElement; el; el = el.parentElement) if (isSkippedElement(el)) return false;
  return node.nodeType === Node.TEXT_NODE && (node as Text).data.trim() !== '';
}

/**
 * The same walk, a batch at a time, so a huge page is read across several tasks: each call
 * returns the next nodes up to `maxChars` of text or until `deadline` (performance.now()),
 * at least one node, or [] at the end. Markup-heavy pages cost more per character than text.
 * With `startAt` (a readable text node, e.g. the first one on screen) the walk reads from there
 * to the end first, then from the top up to it. Open shadow roots come after the main tree.
 */
export function textNodeBatches(
  root: Node,
  onShadowRoot?: (shadow: ShadowRoot) => void,
  startAt?: Text | null,
): (maxChars: number, deadline: number) => Text[] {
  const shadows: ShadowRoot[] = [];
  const meet = (shadow: ShadowRoot) => {
    shadows.push(shadow);
    onShadowRoot?.(shadow);
  };
  const from = startAt && root.contains(startAt) && isReadable(startAt) ? startAt : null;
  // Phases: from `from` to the end; from the top up to `from`; then each shadow root met.
  let walker = readableTextWalker(root, meet);
  let phase: 'forward' | 'wrap' | 'shadows' = from ? 'forward' : 'wrap';
  let pendingFirst: Text | null = from;
  if (from) walker.currentNode = from;
  const advance = (): Text | null => {
    if (pendingFirst) {
      const n = pendingFirst;
      pendingFirst = null;
      return n;
    }
    for (;;) {
      const n = walker.nextNode() as Text | null;
      if (phase === 'forward') {
        if (n) return n;
        phase = 'wrap';
        walker = readableTextWalker(root, meet);
        continue;
      }
      if (phase === 'wrap' && n && n !== from) return n;
      if (phase === 'shadows' && n) return n;
      const shadow = shadows.shift();
      if (!shadow) return null;
      phase = 'shadows';
      walker = readableTextWalker(shadow, meet);
    }
  };
  return (maxChars, deadline) => {
    const batch: Text[] = [];
    let chars = 0;
    while (chars < maxChars || batch.length === 0) {
      const n = advance();
      if (!n) break;
      batch.push(n);
      chars += n.length;
      if ((batch.length & 63) === 0 && performance.now() > deadline) break;
    }
    return batch;
  };
}
