/**
 * Where the mentions are, by text node, so the hover code can go from a caret position
 * (node, offset) to the mention under the pointer without touching the DOM.
 */
import type { Kind } from '../../lib/dataset/basics';

export interface PageMention {
  id: string;
  kind: Kind;
  candidates: string[];
  text: string;
  range: StaticRange;
}

interface NodeSpan {
  start: number;
  end: number;
  mention: PageMention;
}

export class MentionIndex {
  private readonly byNode = new Map<Text, NodeSpan[]>();
  readonly all: PageMention[] = [];

  add(mention: PageMention, spans: { node: Text; start: number; end: number }[]): void {
    this.all.push(mention);
    for (const s of spans) {
      const list = this.byNode.get(s.node);
      const span = { start: s.start, end: s.end, mention };
      if (list) list.push(span);
      else this.byNode.set(s.node, [span]);
    }
  }

  /** The mention covering `offset` in `node`, if any. */
  at(node: Node, offset: number): PageMention | null {
    const list = this.byNode.get(node as Text);
    if (!list) return null;
    for (const s of list) if (offset >= s.start && offset < s.end) return s.mention;
    return null;
  }

  /** Forgets every mention touching these nodes and returns them. */
  forgetNodes(nodes: Iterable<Text>): PageMention[] {
    const gone = new Set<PageMention>();
    for (const node of nodes) {
      for (const s of this.byNode.get(node) ?? []) gone.add(s.mention);
    }
    if (gone.size === 0) return [];
    // Other nodes of a cross-node mention must forget it too.
    for (const [node, list] of this.byNode) {
      const kept = list.filter((s) => !gone.has(s.mention));
      if (kept.length === 0) this.byNode.delete(node);
      else if (kept.length !== list.length) this.byNode.set(node, kept);
    }
    // In place, one element at a time: a spread of every kept mention can overflow the stack.
    let k = 0;
    for (const m of this.all) if (!gone.has(m)) this.all[k++] = m;
    this.all.length = k;
    return [...gone];
  }

  /** Mentions in document order (insertion order drifts once the page changes). */
  inDocumentOrder(): PageMention[] {
    return [...this.all].sort((a, b) => {
      if (a.range.startContainer === b.range.startContainer) return a.range.startOffset - b.range.startOffset;
      return a.range.startContainer.compareDocumentPosition(b.range.startContainer) & Node.DOCUMENT_POSITION_FOLLOWING
        ? -1
        : 1;
    });
  }

  clear(): void {
    this.byNode.clear();
    this.all.length = 0;
  }

  /** Entity ids with their mention counts, most mentioned first (for the popup). */
  counts(): { id: string; kind: Kind; count: number }[] {
    const counts = new Map<string, { id: string; kind: Kind; count: number }>();
    for (const m of this.all) {
      const c = counts.get(m.id);
      if (c) c.count++;
      else counts.set(m.id, { id: m.id, kind: m.kind, count: 1 });
    }
    return [...counts.values()].sort((a, b) => b.count - a.count || a.id.localeCompare(b.id));
  }
}
