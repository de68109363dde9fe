/**
 * Reads the page's text, has the background find mentions in it (scan-client.ts) and hands
 * them to the highlighter and the mention index. The first pass goes through the page in
 * document order, in slices that yield to the page so no task runs long; page changes
 * re-check only the blocks they touch. One document scan in the background lives as long as
 * the page, so "Mr. Ban" in a paragraph added later still resolves against "Ban Ki-moon"
 * named at the top.
 */
import type { Mention } from '../../lib/match/types';
import type { BlockLanguage } from '../../lib/lang/detect';
import { blocksBetween, type ScanReply, type WireBlock } from '../../lib/scan/protocol';
import { BUNDLED_MATCHER } from '../../platform/bundled-matcher';
import { textNodeBatches } from '../../reading/text-nodes';
import { firstVisibleTextNode } from './caret';
import { joinTextNodes, nodeIndexAt, staticRangeFor, wireBlocks, type PageText } from '../../reading/page-text';
import { pieceEnd } from '../../lib/text/pieces';
import type { ScanClient } from './scan-client';
import type { Highlighter } from './highlighter';
import type { MentionIndex, PageMention } from './mention-index';

/** Text per slice: a slice of this size scans in a few milliseconds once the engine is warm. */
const SLICE_CHARS = 32_000;
/** Reading markup-heavy pages costs more than their text suggests: a walk stops after this. */
const WALK_BUDGET_MS = 6;
/** The first slice runs the engine cold (JIT, lookup tables): keep it small. */
const FIRST_SLICE_CHARS = 4_000;
/** Yield to the page once a run of slices has taken this long. */
const SLICE_BUDGET_MS = 8;
/** Hand new highlights to the browser at most this often during a long pass (the first slice,
 * usually what is on screen, goes at once). Each hand-over costs the browser a pass over all
 * registered ranges, so drawing per slice would be quadratic on a huge page. */
const FLUSH_EVERY_MS = 400;
/** Ranges handed over per task: a few thousand cost the browser a few milliseconds. */
const FLUSH_BATCH = 3_000;

interface Segment {
  base: number;
  /** Null once every node of the segment left the page or changed: it then holds nothing alive. */
  page: PageText | null;
  /** How many of its nodes are still read (in PageScanner.textNodes). */
  live: number;
  /** Its blocks and their lang attributes, kept to send the text again (PageScanner.replay). */
  blocks: WireBlock[];
}

/** A batch of text nodes joined and read, scanned piece by piece. */
interface Reading {
  text: string;
  base: number;
  blocks: WireBlock[];
}

/** Dropped segments are swept out of the list once they are this many and half of it. */
const MIN_SWEEP = 64;

/** The node-local spans a text range covers, one per text node. */
function spansOf(page: PageText, start: number, end: number): { node: Text; start: number; end: number }[] {
  const spans = [];
  for (let i = nodeIndexAt(page, start); i < page.nodes.length; i++) {
    const nodeStart = page.starts[i]!;
    if (nodeStart >= end) break;
    const node = page.nodes[i]!;
    spans.push({ node, start: Math.max(0, start - nodeStart), end: Math.min(node.length, end - nodeStart) });
  }
  return spans;
}

/**
 * Lets the page run: scheduler.yield() where the browser has it (no 4 ms timer clamp). Not a
 * timer of the script's lifetime: it schedules no work, and every loop that awaits it checks on
 * resuming whether to go on (the scan its signal, the annotator its generation, which stop() ends).
 */
export const yieldToPage = (): Promise<void> => {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  return scheduler?.yield ? scheduler.yield() : new Promise((resolve) => setTimeout(resolve, 0));
};

/**
 * Highlights per page at most. Past this a page is not prose a reader hovers through (a 10 MB
 * dump of names), and every extra range slows the browser's highlight painting for the page.
 */
export const MAX_MENTIONS = 20_000;

export class PageScanner {
  private segments: Segment[] = [];
  private droppedSegments = 0;
  private nextBase = 0;
  /** The text nodes read, each with the segment it was read in. */
  private textNodes = new Map<Text, Segment>();
  private generation = 0;
  /** The document's language, its lang attribute checked against the first text read (null: not yet or unknown). */
  private language: BlockLanguage | null = null;
  /** The matcher of the background's last reply. */
  private matcherVersion = BUNDLED_MATCHER;
  /** The highlights on screen are the previous scan's, until the current one's first answer. */
  private stale = false;
  /** Mentions the reader dismissed are not drawn (see lib/dismissals.ts). */
  private dismissed: (text: string, entity: string) => boolean = () => false;

  setDismissed(dismissed: (text: string, entity: string) => boolean): void {
    this.dismissed = dismissed;
  }

  /** The document's language (its lang attribute checked against its text), once text was read. */
  get pageLanguage(): BlockLanguage | null {
    return this.language;
  }

  /** The matcher the background scanned with: 'bundled' or the user's packs' version. */
  get matcher(): string {
    return this.matcherVersion;
  }

  /** The longest stretch of main-thread work we did without yielding, in ms (goal: < 50). */
  longestTaskMs = 0;

  constructor(
    private readonly client: ScanClient,
    private readonly highlighter: Highlighter,
    private readonly index: MentionIndex,
    private readonly onShadowRoot?: (shadow: ShadowRoot) => void,
  ) {}

  /** What the popup and the badge show: text nodes read and mentions drawn. */
  get stats(): { textNodes: number; mentions: number } {
    return { textNodes: this.textNodes.size, mentions: this.index.all.length };
  }

  /** Scans everything under `root` from scratch, in slices; resolves when done or superseded. */
  async scanAll(root: Node, signal: AbortSignal): Promise<void> {
    const generation = ++this.generation;
    this.forgetReading();
    // What is drawn stays until the new scan's first answer replaces it: the background answers
    // a task or more later, and the page should not flash bare in between.
    this.stale = true;
    const next = textNodeBatches(root, this.onShadowRoot, root === document.body ? firstVisibleTextNode() : null);
    await this.scanInSlices(
      (first) => next(first ? FIRST_SLICE_CHARS : SLICE_CHARS, performance.now() + WALK_BUDGET_MS),
      () => signal.aborted || generation !== this.generation,
    );
    if (generation === this.generation && this.stale) this.forgetDrawn();
  }

  /** Re-checks the given text nodes (changed, added) after forgetting what they held. */
  async rescanNodes(changed: Iterable<Text>, signal: AbortSignal): Promise<void> {
    const nodes = [...changed];
    this.forget(nodes);
    const connected = nodes.filter((n) => n.isConnected);
    let at = 0;
    await this.scanInSlices(
      (first) => {
        const limit = first ? FIRST_SLICE_CHARS : SLICE_CHARS;
        const batch: Text[] = [];
        for (let chars = 0; at < connected.length && (chars < limit || batch.length === 0);) {
          const n = connected[at++]!;
          batch.push(n);
          chars += n.length;
        }
        return batch.length ? batch : null;
      },
      () => signal.aborted,
    );
  }

  /**
   * Runs batches through the engine, yielding to the page whenever a run of them has taken
   * SLICE_BUDGET_MS, and records the longest run (the content script's longest task). A batch
   * is read in pieces of at most a slice (one text node may hold megabytes).
   * `nextBatch` returns null at the end, and may return [] for "nothing yet" (see textNodeBatches).
   */
  private async scanInSlices(nextBatch: (first: boolean) => Text[] | null, stop: () => boolean): Promise<void> {
    let runStart = performance.now();
    let lastFlush = -Infinity;
    let first = true;
    const pause = async (): Promise<boolean> => {
      if (performance.now() - lastFlush > FLUSH_EVERY_MS) {
        this.highlighter.flush(FLUSH_BATCH);
        lastFlush = performance.now();
      }
      const ran = performance.now() - runStart;
      if (ran <= SLICE_BUDGET_MS) return false;
      this.longestTaskMs = Math.max(this.longestTaskMs, ran);
      await yieldToPage();
      if (stop()) return true;
      runStart = performance.now();
      return false;
    };
    for (;;) {
      const batch = nextBatch(first);
      if (batch === null) break;
      const reading = batch.length ? this.read(batch) : null;
      for (let from = 0; reading && from < reading.text.length;) {
        this.longestTaskMs = Math.max(this.longestTaskMs, performance.now() - runStart);
        from = await this.scanPiece(reading, from, first ? FIRST_SLICE_CHARS : SLICE_CHARS);
        if (stop()) return;
        runStart = performance.now();
        first = false;
        // Nothing more would be drawn: stop reading (on a 10 MB page the rest only cost time and heap).
        if (this.index.all.length >= MAX_MENTIONS) break;
        if (from < reading.text.length && (await pause())) return;
      }
      first = false;
      if (this.index.all.length >= MAX_MENTIONS) break;
      if (await pause()) return;
    }
    while (!this.highlighter.flush(FLUSH_BATCH)) {
      this.longestTaskMs = Math.max(this.longestTaskMs, performance.now() - runStart);
      await yieldToPage();
      if (stop()) return;
      runStart = performance.now();
    }
    this.longestTaskMs = Math.max(this.longestTaskMs, performance.now() - runStart);
  }

  /** Forgets the text nodes that are no longer in the page. */
  forgetDisconnected(): void {
    const gone = [...this.textNodes.keys()].filter((n) => !n.isConnected);
    if (gone.length) this.forget(gone);
  }

  /** Forgets mentions in nodes that changed or left the page. */
  forget(nodes: Iterable<Text>): void {
    const list = [...nodes];
    for (const m of this.index.forgetNodes(list)) this.highlighter.remove(m.range);
    for (const n of list) {
      const segment = this.textNodes.get(n);
      if (!segment) continue;
      this.textNodes.delete(n);
      // A page that rewrites itself (a ticker, a live blog) would otherwise keep every node it
      // ever showed alive through the segment's node list.
      if (--segment.live === 0) this.dropSegment(segment);
    }
  }

  private dropSegment(segment: Segment): void {
    segment.page = null;
    this.droppedSegments++;
    if (this.droppedSegments >= MIN_SWEEP && 2 * this.droppedSegments >= this.segments.length) {
      this.segments = this.segments.filter((s) => s.page !== null);
      this.droppedSegments = 0;
    }
  }

  /** Joins a batch's unread nodes into a segment and works out its languages; null if all were read. */
  private read(batch: Text[]): Reading | null {
    // A node a re-check already covered while a full pass was under way is not read twice.
    const nodes = batch.filter((n) => !this.textNodes.has(n));
    if (nodes.length === 0) return null;
    const page = joinTextNodes(nodes);
    const blocks = wireBlocks(page);
    // The block elements were needed for their languages only: a kept segment must not hold them.
    page.blocks.length = 0;
    const base = this.nextBase;
    this.nextBase += page.text.length + 1;
    const segment: Segment = { base, page, live: nodes.length, blocks };
    this.segments.push(segment);
    for (const n of nodes) this.textNodes.set(n, segment);
    return { text: page.text, base, blocks };
  }

  /** Scans the piece of a reading that starts at `from` (about `size` characters) and draws what it confirms; returns where it ended. */
  private async scanPiece(reading: Reading, from: number, size: number): Promise<number> {
    const { text, base, blocks } = reading;
    const to = pieceEnd(text, from, size);
    const piece = from === 0 && to === text.length ? text : text.slice(from, to);
    const pieceBlocks = blocksBetween(blocks, from, to);
    const generation = this.generation;
    if (this.client.lost) await this.replay(base + from);
    let reply = await this.client.piece(piece, base + from, pieceBlocks);
    if (!reply && this.client.lost && generation === this.generation) {
      await this.replay(base + from);
      reply = await this.client.piece(piece, base + from, pieceBlocks);
    }
    if (reply && generation === this.generation) this.accept(reply);
    return to;
  }

  private accept(reply: ScanReply): void {
    if (this.stale) this.forgetDrawn();
    this.language = reply.pageLanguage;
    this.matcherVersion = reply.matcher;
    this.paint(reply.mentions);
  }

  /**
   * The background went away and its document scan with it (Chrome stops an idle service
   * worker): sends the text read before `before` again, so contextual aliases in what comes
   * next still resolve against names read earlier. What was drawn stays drawn; the replies
   * are not drawn again.
   */
  private async replay(before: number): Promise<void> {
    this.client.restart();
    for (const segment of this.segments) {
      if (!segment.page || segment.base >= before) continue;
      const text = segment.page.text.slice(0, before - segment.base);
      for (let from = 0; from < text.length;) {
        const to = pieceEnd(text, from, SLICE_CHARS);
        await this.client.piece(text.slice(from, to), segment.base + from, blocksBetween(segment.blocks, from, to));
        from = to;
      }
    }
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

  private paint(mentions: Mention[]): void {
    for (const m of mentions) {
      if (this.index.all.length >= MAX_MENTIONS) return;
      if (this.dismissed(m.text, m.id)) continue;
      const segment = this.segmentAt(m.start);
      // Its segment was dropped (every node changed or left): the mention is gone with it.
      if (!segment?.page || m.end > segment.base + segment.page.text.length) continue;
      const start = m.start - segment.base;
      const end = m.end - segment.base;
      const spans = spansOf(segment.page, start, end);
      // A node may have changed since this slice was read: skip mentions that no longer fit it.
      if (spans.length === 0 || spans.some((s) => !this.textNodes.has(s.node) || s.end > s.node.length)) continue;
      const range = staticRangeFor(segment.page, start, end);
      if (!range) continue;
      const mention: PageMention = { id: m.id, kind: m.kind, candidates: m.candidates, text: m.text, range };
      this.index.add(mention, spans);
      this.highlighter.add(range, m.kind);
    }
  }

  /** Forgets everything; the page is as it was. */
  clear(): void {
    this.forgetDrawn();
    this.forgetReading();
  }

  private forgetDrawn(): void {
    this.stale = false;
    this.highlighter.clear();
    this.index.clear();
  }

  /** Forgets what was read and starts a new document scan in the background. */
  private forgetReading(): void {
    this.textNodes.clear();
    this.segments = [];
    this.droppedSegments = 0;
    this.nextBase = 0;
    this.client.restart();
  }
}
