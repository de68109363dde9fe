/**
 * What the page scanner has read: batches of text nodes joined into segments, each at its base
 * offset in the background's document scan, and which node lies in which segment. A mention
 * the background finds (document offsets) is placed back on the nodes it covers here.
 */
import type { WireBlock } from '../../lib/scan/protocol';
import { joinTextNodes, nodeIndexAt, staticRangeFor, wireBlocks, type PageText } from '../../reading/page-text';

interface Segment {
  base: number;
  /** Null once every node of the segment left the page or changed: it then holds nothing alive. */
  page: PageText | null;
  /** How many of its nodes are still read (in ReadText.nodes). */
  live: number;
  /** Its blocks and their lang attributes, kept to send the text again (PageScanner.replay). */
  blocks: WireBlock[];
}

/** A batch of text nodes joined and read, scanned piece by piece. */
export interface Reading {
  text: string;
  base: number;
  blocks: WireBlock[];
}

export interface Span {
  node: Text;
  start: number;
  end: number;
}

/** Dropped segments are swept out of the list once they are this many and half of it. */
const MIN_SWEEP = 64;

/** The node-local spans a text range covers, one per text node. */
function spansOf(page: PageText, start: number, end: number): Span[] {
  const spans = [];
  for (let i = nodeIndexAt(page, start); i < page.nodes.length; i++) {
    const nodeStart = page.starts[i]!;
    if (nodeStart >= end) break;
    const node = page.nodes[i]!;
    spans.push({ node, start: Math.max(0, start - nodeStart), end: Math.min(node.length, end - nodeStart) });
  }
  return spans;
}

export class ReadText {
  private segments: Segment[] = [];
  private droppedSegments = 0;
  private nextBase = 0;
  /** The text nodes read, each with the segment it was read in. */
  private nodes = new Map<Text, Segment>();

  /** How many text nodes are read. */
  get size(): number {
    return this.nodes.size;
  }

  /** Joins a batch's unread nodes into a segment; null if all were read already. */
  read(batch: Text[]): Reading | null {
    // A node a re-check already covered while a full pass was under way is not read twice.
    const nodes = batch.filter((n) => !this.nodes.has(n));
    if (nodes.length === 0) return null;
    const page = joinTextNodes(nodes);
    const blocks = wireBlocks(page);
    // The block elements were needed for their languages only: a kept segment must not hold them.
    page.blocks.length = 0;
    const base = this.nextBase;
    this.nextBase += page.text.length + 1;
    const segment: Segment = { base, page, live: nodes.length, blocks };
    this.segments.push(segment);
    for (const n of nodes) this.nodes.set(n, segment);
    return { text: page.text, base, blocks };
  }

  /** The read nodes no longer in the page. */
  disconnected(): Text[] {
    return [...this.nodes.keys()].filter((n) => !n.isConnected);
  }

  /** Forgets nodes that changed or left the page. */
  forget(nodes: Text[]): void {
    for (const n of nodes) {
      const segment = this.nodes.get(n);
      if (!segment) continue;
      this.nodes.delete(n);
      // A page that rewrites itself (a ticker, a live blog) would otherwise keep every node it
      // ever showed alive through the segment's node list.
      if (--segment.live === 0) this.dropSegment(segment);
    }
  }

  /** Forgets everything read. */
  clear(): void {
    this.nodes.clear();
    this.segments = [];
    this.droppedSegments = 0;
    this.nextBase = 0;
  }

  /** What was read before document offset `before`, as readings (to send again). */
  *before(before: number): Generator<Reading> {
    for (const segment of this.segments) {
      if (!segment.page || segment.base >= before) continue;
      yield { text: segment.page.text.slice(0, before - segment.base), base: segment.base, blocks: segment.blocks };
    }
  }

  /**
   * Where a mention at document offsets [start, end) lies on the page: its range and the
   * node-local spans it covers; null if its nodes changed or left since they were read.
   */
  place(start: number, end: number): { range: StaticRange; spans: Span[] } | null {
    const segment = this.segmentAt(start);
    // Its segment was dropped (every node changed or left): the mention is gone with it.
    if (!segment?.page || end > segment.base + segment.page.text.length) return null;
    const from = start - segment.base;
    const to = end - segment.base;
    const spans = spansOf(segment.page, from, to);
    // A node may have changed since this slice was read: skip mentions that no longer fit it.
    if (spans.length === 0 || spans.some((s) => !this.nodes.has(s.node) || s.end > s.node.length)) return null;
    const range = staticRangeFor(segment.page, from, to);
    return range ? { range, spans } : null;
  }

  private segmentAt(offset: number): Segment | undefined {
    let lo = 0;
    let hi = this.segments.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.segments[mid]!.base <= offset) lo = mid;
      else hi = mid - 1;
    }
    return this.segments[lo];
  }

  private dropSegment(segment: Segment): void {
    segment.page = null;
    this.droppedSegments++;
    if (this.droppedSegments >= MIN_SWEEP && 2 * this.droppedSegments >= this.segments.length) {
      this.segments = this.segments.filter((s) => s.page !== null);
      this.droppedSegments = 0;
    }
  }
}
