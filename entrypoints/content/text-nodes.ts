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

/**
 * A readable-text cursor over `root` (the walk does not enter shadow roots). The TreeWalker
 * shows text nodes only and has no filter: a JS acceptNode callback per node cost 30–40× the
 * bare walk on large pages. Instead each text node's parent gets a verdict, computed once per
 * element up to `root` and cached, and a node under a skipped element makes the walk jump past
 * that element's whole subtree. Elements holding no text are never looked at.
 */
function readableTextCursor(root: Node): { walker: TreeWalker; next: () => Text | null } {
  const doc = root.ownerDocument ?? (root as Document);
  const walker = doc.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  // verdict.get(el): the outermost skipped element among el and its ancestors below root, or null.
  const verdict = new Map<Node, Element | null>();
  const skippedAbove = (el: Element | null): Element | null => {
    if (el === null || el === root) return null;
    const known = verdict.get(el);
    if (known !== undefined) return known;
    const above = skippedAbove(el.parentElement);
    const v = above ?? (isSkippedElement(el) ? el : null);
    verdict.set(el, v);
    return v;
  };
  let lastParent: Element | null | undefined;
  let lastSkipped: Element | null = null;
  const next = (): Text | null => {
    for (;;) {
      const n = walker.nextNode() as Text | null;
      if (!n) return null;
      const parent = n.parentElement;
      if (parent !== lastParent) {
        lastParent = parent;
        lastSkipped = skippedAbove(parent);
      }
      if (lastSkipped !== null) {
        // Past the skipped element: from its last descendant, nextNode() leaves the subtree.
        let last: Node = lastSkipped;
        while (last.lastChild) last = last.lastChild;
        walker.currentNode = last;
        continue;
      }
      if (n.data.trim() !== '') return n;
    }
  };
  return { walker, next };
}

/**
 * The open shadow roots under `root` (not inside skipped elements, nor on one), in document
 * order; the ones after `after`, if given, first. One pass over the elements reading only
 * `shadowRoot`; the skip rules are checked for hosts alone.
 */
function openShadowRoots(root: Node, after: Node | null): ShadowRoot[] {
  const found: ShadowRoot[] = [];
  const scope = root as ParentNode;
  if (typeof scope.querySelectorAll !== 'function') return found;
  const all = scope.querySelectorAll('*');
  for (let k = 0; k < all.length; k++) {
    const el = all[k]!;
    const shadow = el.shadowRoot;
    if (!shadow) continue;
    let readable = true;
    for (let a: Element | null = el; a && a !== root; a = a.parentElement) {
      if (isSkippedElement(a)) {
        readable = false;
        break;
      }
    }
    if (readable) found.push(shadow);
  }
  if (!after) return found;
  const following = found.filter((s) => (after.compareDocumentPosition(s.host) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0);
  return [...following, ...found.filter((s) => !following.includes(s))];
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
  const from = startAt && root.contains(startAt) && isReadable(startAt) ? startAt : null;
  // Phases: from `from` to the end; from the top up to `from`; then each shadow root met,
  // including those found inside shadow roots (listed when their phase starts).
  const shadows: ShadowRoot[] = [];
  const meet = (found: ShadowRoot[]): void => {
    for (const shadow of found) {
      shadows.push(shadow);
      onShadowRoot?.(shadow);
    }
  };
  meet(openShadowRoots(root, from));
  let cursor = readableTextCursor(root);
  let phase: 'forward' | 'wrap' | 'shadows' = from ? 'forward' : 'wrap';
  let pendingFirst: Text | null = from;
  if (from) cursor.walker.currentNode = from;
  const advance = (): Text | null => {
    if (pendingFirst) {
      const n = pendingFirst;
      pendingFirst = null;
      return n;
    }
    for (;;) {
      const n = cursor.next();
      if (phase === 'forward') {
        if (n) return n;
        phase = 'wrap';
        cursor = readableTextCursor(root);
        continue;
      }
      if (phase === 'wrap' && n && n !== from) return n;
      if (phase === 'shadows' && n) return n;
      const shadow = shadows.shift();
      if (!shadow) return null;
      phase = 'shadows';
      meet(openShadowRoots(shadow, null));
      cursor = readableTextCursor(shadow);
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
