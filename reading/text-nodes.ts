/**
 * Which text a reader sees and we may look at: every text node except those inside code,
 * form fields, editable areas, hidden or "do not translate" regions. (Our own UI has no text in
 * the page: it is a frame inside a closed shadow root.)
 */
import { isInlineTag, keepsWhitespace, SKIPPED_TAGS, skippedByAttributes, type SiblingKind } from './rules';

function siblingKind(node: Node | null): SiblingKind {
  if (node === null) return 'none';
  if (node.nodeType === Node.TEXT_NODE) return 'text';
  return node.nodeType === Node.ELEMENT_NODE && isInlineTag((node as Element).tagName) ? 'inline' : 'other';
}

/** Whether a text node is read: it has text, or it is the space between two pieces of inline content. */
function worthReading(n: Text): boolean {
  const data = n.data;
  // Most text nodes start with a letter: below U+1680 only U+00A0 above the space is one trim() drops.
  const first = data.charCodeAt(0);
  if (first > 0x20 && first < 0x1680 && first !== 0xa0) return true;
  if (data.trim() !== '') return true;
  // Most white space sits after a block or at a parent's start: then the next sibling is not asked for.
  const before = siblingKind(n.previousSibling);
  return keepsWhitespace(before, 'text') && keepsWhitespace(before, siblingKind(n.nextSibling));
}

/** True when nothing under `el` may be read or highlighted. */
export function isSkippedElement(el: Element): boolean {
  if (SKIPPED_TAGS.has(el.tagName.toUpperCase())) return true;
  // The attribute, not isContentEditable: reading that forces a style recalculation per element.
  // Children inherit editability, and the walker skips the whole subtree of a rejected element.
  return skippedByAttributes((name) => el.getAttribute(name));
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
      if (worthReading(n)) return n;
    }
  };
  return { walker, next };
}

/** True when `host`'s shadow root may be read: neither it nor an ancestor below `root` is skipped. */
function readableHost(host: Element, root: Node): boolean {
  for (let a: Element | null = host; a && a !== root; a = a.parentElement) if (isSkippedElement(a)) return false;
  return true;
}

/**
 * Finds the open shadow roots under `root` a slice at a time (a 10 MB page has ~100k elements:
 * reading them all at once is a long task). `step(deadline)` returns true once done; `roots`
 * are then in document order, the ones after `after` (if given) first. Reads only `shadowRoot`;
 * the skip rules are checked for hosts alone.
 */
function shadowRootFinder(root: Node, after: Node | null) {
  const doc = root.ownerDocument ?? (root as Document);
  const walker = doc.createTreeWalker(root, NodeFilter.SHOW_ELEMENT);
  const found: ShadowRoot[] = [];
  let done = false;
  return {
    get roots(): ShadowRoot[] {
      if (!after) return found;
      const following = found.filter(
        (s) => (after.compareDocumentPosition(s.host) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0,
      );
      return [...following, ...found.filter((s) => !following.includes(s))];
    },
    step(deadline: number): boolean {
      for (let k = 1; !done; k++) {
        const el = walker.nextNode() as Element | null;
        if (!el) done = true;
        else if (el.shadowRoot && readableHost(el, root)) found.push(el.shadowRoot);
        if ((k & 1023) === 0 && performance.now() > deadline) break;
      }
      return done;
    },
  };
}

/** Collects the readable text nodes under `root`, then those of the open shadow roots inside it. */
export function collectTextNodes(root: Node, onShadowRoot?: (shadow: ShadowRoot) => void): Text[] {
  const nodes: Text[] = [];
  const next = textNodeBatches(root, onShadowRoot);
  // One push per node: spreading a batch of 200,000 nodes into one call overflows the stack.
  for (let batch = next(Infinity, Infinity); batch; batch = next(Infinity, Infinity))
    for (const node of batch) nodes.push(node);
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
): (maxChars: number, deadline: number) => Text[] | null {
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
  // Shadow roots of the main tree are looked for once it has been read, in slices too.
  const finder = shadowRootFinder(root, from);
  let found = false;
  let deadline = Infinity;
  let cursor = readableTextCursor(root);
  let phase: 'forward' | 'wrap' | 'shadows' = from ? 'forward' : 'wrap';
  let pendingFirst: Text | null = from;
  // Where the walk from the top stops: `from`, unless the forward walk lost its place.
  let wrapEnd: Text | null = from;
  if (from) cursor.walker.currentNode = from;
  /** A walk paused between calls may find its node taken out of the page: it goes on from the top
   * (the caller skips the nodes it has read). */
  const keepPlace = (): void => {
    if (phase === 'shadows' || root.contains(cursor.walker.currentNode)) return;
    if (phase === 'forward') wrapEnd = null;
    phase = 'wrap';
    cursor = readableTextCursor(root);
  };
  const advance = (): Text | null | 'later' => {
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
      if (phase === 'wrap' && n && n !== wrapEnd) return n;
      if (phase === 'shadows' && n) return n;
      if (!found) {
        if (!finder.step(deadline)) return 'later';
        found = true;
        meet(finder.roots);
      }
      const shadow = shadows.shift();
      if (!shadow) return null;
      phase = 'shadows';
      const inner = shadowRootFinder(shadow, null);
      inner.step(Infinity); // a shadow root's own tree is small
      meet(inner.roots);
      cursor = readableTextCursor(shadow);
    }
  };
  let ended = false;
  return (maxChars, until) => {
    if (ended) return null;
    deadline = until;
    keepPlace();
    const batch: Text[] = [];
    let chars = 0;
    while (chars < maxChars || batch.length === 0) {
      const n = advance();
      if (n === 'later') break;
      if (!n) {
        ended = batch.length === 0;
        if (ended) return null;
        break;
      }
      batch.push(n);
      chars += n.length;
      if ((batch.length & 63) === 0 && performance.now() > deadline) break;
    }
    return batch;
  };
}
