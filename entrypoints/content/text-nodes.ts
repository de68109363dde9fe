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
  if ((el as HTMLElement).isContentEditable) return true;
  if (el.getAttribute('translate') === 'no') return true;
  if (el.getAttribute('aria-hidden') === 'true') return true;
  if (el.hasAttribute('data-context-lens-ui')) return true;
  return false;
}

/** Collects the readable text nodes under `root`, in document order. */
export function collectTextNodes(root: Node): Text[] {
  const doc = root.ownerDocument ?? (root as Document);
  const nodes: Text[] = [];
  const walker = doc.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
    acceptNode(node) {
      if (node.nodeType === Node.ELEMENT_NODE) {
        return isSkippedElement(node as Element) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_SKIP;
      }
      return (node as Text).data.trim() === '' ? NodeFilter.FILTER_SKIP : NodeFilter.FILTER_ACCEPT;
    },
  });
  for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n as Text);
  return nodes;
}
