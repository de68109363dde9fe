/**
 * Reads the page's text, has the background find mentions in it (scan-client.ts) and hands
 * them to the highlighter and the mention index. The first pass goes through the page in
 * document order, in slices that yield to the page so no task runs long, and on a page opened
 * at its top it stops a screen below the reader, going on as the reader does (read-ahead.ts);
 * page changes re-check only the blocks they touch. What was read is kept in read-text.ts.
 * One document scan in the background lives as long as the page, so "Mr. Ban" in a paragraph
 * added later still resolves against "Ban Ki-moon" named at the top.
 */
import type { Mention } from '../../lib/match/types';
import type { BlockLanguage } from '../../lib/lang/detect';
import { blocksBetween, type ScanReply } from '../../lib/scan/protocol';
import { BUNDLED_MATCHER } from '../../platform/bundled-matcher';
import { textNodeBatches } from '../../reading/text-nodes';
import { firstVisibleTextNode } from './caret';
import type { ReadAhead } from './read-ahead';
import { pieceEnd } from '../../lib/text/pieces';
import type { ScanClient } from './scan-client';
import type { Highlighter } from './highlighter';
import type { MentionIndex, PageMention } from './mention-index';
import { ReadText, type Reading } from './read-text';

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
  private readonly readText = new ReadText();
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

  /** Settles when the current scan has read the whole page (or was superseded). */
  private complete: Promise<void> = Promise.resolve();
  private settleComplete: () => void = () => {};
  /** Something needs the whole page: the current scan reads on without waiting for the reader. */
  private wantAll = false;
  /** Whether the current scan has read the whole page. */
  readWhole = false;

  /** Ends the current scan: its loops stop at their next check, and whatever waits on it (readAll(), the paused rest) is let go. Returns the new generation. */
  private supersede(): number {
    this.settleComplete();
    this.ahead?.wakeNow();
    return ++this.generation;
  }

  private finished(): void {
    this.readWhole = true;
    this.settleComplete();
  }

  constructor(
    private readonly client: ScanClient,
    private readonly highlighter: Highlighter,
    private readonly index: MentionIndex,
    private readonly onShadowRoot?: (shadow: ShadowRoot) => void,
    /** Paces the first pass to the reader; without it the whole page is read at once. */
    private readonly ahead?: ReadAhead,
    /** Called when a part read after the first pass was drawn. */
    private readonly onProgress: () => void = () => {},
  ) {}

  /** What the popup and the badge show: text nodes read and mentions drawn. */
  get stats(): { textNodes: number; mentions: number } {
    return { textNodes: this.readText.size, mentions: this.index.all.length };
  }

  /**
   * Scans everything under `root` from scratch, in slices. With a ReadAhead, a page opened at its
   * top is read to a screen below the viewport first, and the rest as the reader nears it
   * (read-ahead.ts) or when readAll() is called. Resolves when that first part is done (or the
   * scan superseded); `complete` settles when all was read.
   */
  async scanAll(root: Node, signal: AbortSignal): Promise<void> {
    const generation = this.supersede();
    this.forgetReading();
    this.complete = new Promise((resolve) => (this.settleComplete = resolve));
    this.wantAll = false;
    this.readWhole = false;
    // What is drawn stays until the new scan's first answer replaces it: the background answers
    // a task or more later, and the page should not flash bare in between.
    this.stale = true;
    const startAt = root === document.body ? firstVisibleTextNode() : null;
    const next = textNodeBatches(root, this.onShadowRoot, startAt);
    const superseded = () => signal.aborted || generation !== this.generation;
    // A page opened scrolled is read in full: what is above the reader is behind it in the walk.
    const lazy = this.ahead && root === document.body && !startAt ? this.ahead : null;
    let last: Text | null = null;
    // While pacing, a run reads one small batch and stops to check the horizon.
    let batchesThisRun = 0;
    let toCheck = false;
    const batches = (first: boolean): Text[] | null => {
      const pacing = lazy !== null && !this.wantAll;
      if (pacing && batchesThisRun > 0) {
        toCheck = true;
        return null;
      }
      const batch = next(first || pacing ? FIRST_SLICE_CHARS : SLICE_CHARS, performance.now() + WALK_BUDGET_MS);
      if (batch?.length) {
        last = batch[batch.length - 1]!;
        batchesThisRun++;
      }
      return batch;
    };
    const run = async (): Promise<boolean> => {
      batchesThisRun = 0;
      toCheck = false;
      await this.scanInSlices(batches, superseded);
      return toCheck && !superseded();
    };
    let more = await run();
    while (more && (await lazy!.isNear(last!))) more = await run();
    if (generation === this.generation && this.stale) this.forgetDrawn();
    if (superseded()) return;
    if (!more) return this.finished();
    // The rest, a batch at a time while the reader is near it (all of it once readAll() asks).
    void (async () => {
      try {
        while (more) {
          await lazy!.whenNear(last!);
          if (superseded()) return;
          more = await run();
          if (!superseded()) this.onProgress();
        }
      } catch (error) {
        console.debug('Context Lens: scan failed', error); // never throw into the page
      }
      if (!superseded()) this.finished();
    })();
  }

  /** Reads what the first pass left for later, now; resolves when the whole page has been read (or the scan superseded). */
  readAll(): Promise<void> {
    if (!this.wantAll) {
      this.wantAll = true;
      this.ahead?.wakeNow();
    }
    return this.complete;
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
      const reading = batch.length ? this.readText.read(batch) : null;
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
    const gone = this.readText.disconnected();
    if (gone.length) this.forget(gone);
  }

  /** Forgets mentions in nodes that changed or left the page. */
  forget(nodes: Iterable<Text>): void {
    const list = [...nodes];
    for (const m of this.index.forgetNodes(list)) this.highlighter.remove(m.range);
    this.readText.forget(list);
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
    for (const { text, base, blocks } of this.readText.before(before)) {
      for (let from = 0; from < text.length;) {
        const to = pieceEnd(text, from, SLICE_CHARS);
        await this.client.piece(text.slice(from, to), base + from, blocksBetween(blocks, from, to));
        from = to;
      }
    }
  }

  private paint(mentions: Mention[]): void {
    for (const m of mentions) {
      if (this.index.all.length >= MAX_MENTIONS) return;
      if (this.dismissed(m.text, m.id)) continue;
      const placed = this.readText.place(m.start, m.end);
      if (!placed) continue;
      const mention: PageMention = {
        id: m.id,
        kind: m.kind,
        candidates: m.candidates,
        text: m.text,
        range: placed.range,
      };
      this.index.add(mention, placed.spans);
      this.highlighter.add(placed.range, m.kind);
    }
  }

  /** Forgets everything; the page is as it was. */
  clear(): void {
    // The current scan ends too: a first pass waiting for the reader must not draw after this.
    this.supersede();
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
    this.readText.clear();
    this.client.restart();
  }
}
