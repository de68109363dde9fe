/**
 * The reader's saved highlights and notes on this page: saves new ones through the background,
 * draws them in their own highlight, and re-anchors them on every visit (position, then quote
 * with context, then an approximate quote for edited pages). What cannot be placed is kept as
 * an orphan and retried when the page changes; nothing is ever dropped.
 */
import { anchor, describe } from '../../lib/annotations/anchor';
import { canonicalUrl } from '../../lib/annotations/canonical-url';
import { isLangTag, newAnnotationId, savedEntities } from '../../lib/annotations/records';
import type { Annotation, SavedPage } from '../../lib/annotations/model';
import type { SaveOutcome } from '../../lib/protocol';
import { sendToBackground } from '../../platform/messaging';
import { sameNotesShown } from '../../lib/annotations/same-notes';
import { BLOCK_BREAK, joinTextNodes, offsetsOfRange, staticRangeFor, type PageText } from '../../reading/page-text';
import { textNodeBatches } from '../../reading/text-nodes';
import type { MentionIndex } from './mention-index';
import { yieldToPage } from './page-scanner';

const SAVED = 'context-lens-saved';
const NOTED = 'context-lens-noted';

export interface Placed {
  annotation: Annotation;
  range: StaticRange;
}

/** A save with no answer (the background restarting) did not happen. */
const NO_ANSWER: SaveOutcome = { ok: false, reason: 'failed' };

/** Text read per task, and the time a walk may take before it yields. */
const READ_SLICE_CHARS = 64_000;
const READ_SLICE_MS = 8;

/**
 * The page's readable text as annotations see it: blocks separated by line breaks. The same
 * nodes as collectTextNodes, read a slice per task: at once, a page of 200,000 text nodes was
 * one task of 130-180 ms on every visit with a note and on every save.
 */
async function readPage(): Promise<PageText> {
  // A set: a walk whose place was taken out of the page between slices goes on from the top.
  const nodes = new Set<Text>();
  const next = textNodeBatches(document.body);
  for (
    let batch = next(READ_SLICE_CHARS, performance.now() + READ_SLICE_MS);
    batch;
    batch = next(READ_SLICE_CHARS, performance.now() + READ_SLICE_MS)
  ) {
    for (const node of batch) nodes.add(node);
    await yieldToPage();
  }
  const page = joinTextNodes([...nodes]);
  return { ...page, text: page.text.replaceAll(BLOCK_BREAK, '\n') };
}

/** The page's declared language as a BCP 47 tag, or '' when it declares none we can read. */
function pageLang(): string {
  const lang = document.documentElement.lang.trim().replaceAll('_', '-');
  return isLangTag(lang) ? lang : '';
}

export class Annotator {
  private placed: Placed[] = [];
  /** Off where the reader keeps their passages from the page (see the notesHiddenOn setting). */
  private painted = true;
  private orphans: Annotation[] = [];
  private generation = 0;
  private stopped = false;
  /**
   * Saves, edits and deletes of this tab still in flight. Each one announces a library change,
   * which can reach this tab before the write's own answer does: load() waits for them, so it
   * finds the tab's own note already drawn instead of placing every note again under the reader.
   */
  private readonly writing = new Set<Promise<unknown>>();
  private track<T>(write: Promise<T>): Promise<T> {
    this.writing.add(write);
    void write.finally(() => this.writing.delete(write)).catch(() => {});
    return write;
  }
  /** Read at each use: a single-page app changes its URL without a new content script. */
  private get url(): string | null {
    return canonicalUrl(location.href);
  }

  constructor(private readonly index: MentionIndex) {}

  get counts(): { placed: number; orphans: number } {
    return { placed: this.placed.length, orphans: this.orphans.length };
  }

  get orphaned(): readonly Annotation[] {
    return this.orphans;
  }

  /** Loads this page's annotations and places them. */
  async load(): Promise<void> {
    while (this.writing.size) await Promise.allSettled(this.writing);
    const url = this.url;
    if (!url) return;
    const reply = await sendToBackground('annotations:forPage', { url });
    if (!reply) return;
    // Nothing changed on this page (nothing saved and nothing drawn; or a note saved elsewhere,
    // or by this tab, which drew it already): no need to read the page again.
    if (sameNotesShown(reply.annotations, [...this.placed.map((p) => p.annotation), ...this.orphans])) return;
    await this.place(reply.annotations);
  }

  /** Tries again after the page changed: every annotation, since text may have moved. */
  async retry(): Promise<void> {
    const all = [...this.placed.map((p) => p.annotation), ...this.orphans];
    if (all.length) await this.place(all);
  }

  /** Anchors one annotation per task (an approximate search on a huge page can take a while). */
  private async place(annotations: Annotation[]): Promise<void> {
    const generation = ++this.generation;
    const page = await readPage();
    if (generation !== this.generation) return;
    const placed: Placed[] = [];
    const orphans: Annotation[] = [];
    for (const annotation of annotations) {
      const found = anchor(page.text, annotation.target.selector);
      const range = found ? staticRangeFor(page, found.start, found.end) : null;
      if (range) placed.push({ annotation, range });
      else orphans.push(annotation);
      await yieldToPage();
      if (generation !== this.generation) return; // a newer pass started meanwhile
    }
    this.placed = placed;
    this.orphans = orphans;
    this.draw();
  }

  /** Paints the placed annotations, or takes them out of the page's highlight registry. */
  setPainted(painted: boolean): void {
    if (painted === this.painted) return;
    this.painted = painted;
    this.draw();
  }

  private draw(): void {
    // Nothing placed (or the script ended): nothing in the page's highlight registry either.
    if (!this.painted || this.placed.length === 0 || this.stopped) return this.clear();
    const saved = new Highlight();
    const noted = new Highlight();
    // Above the entity highlights where they overlap.
    saved.priority = 1;
    noted.priority = 1;
    for (const { annotation, range } of this.placed) (annotation.body.note ? noted : saved).add(range);
    CSS.highlights.set(SAVED, saved);
    CSS.highlights.set(NOTED, noted);
  }

  /** The annotation drawn at (node, offset), if any, with its range (for showing its note on hover). */
  at(node: Node, offset: number): Placed | null {
    for (const placed of this.placed) {
      const { startContainer: a, startOffset: from, endContainer: b, endOffset: to } = placed.range;
      if (a === node && b === node) {
        if (offset >= from && offset < to) return placed;
        continue;
      }
      if ((a === node && offset >= from) || (b === node && offset < to)) return placed;
      // A node wholly inside a multi-node annotation.
      if (
        a !== node &&
        b !== node &&
        a.compareDocumentPosition(node) & Node.DOCUMENT_POSITION_FOLLOWING &&
        node.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING
      )
        return placed;
    }
    return null;
  }

  /** Text offsets of a DOM range within the page text, or null when it covers no readable text. */
  private pageRecord(now: string): SavedPage | null {
    if (!this.url) return null;
    return {
      url: this.url,
      title: (document.title || this.url).slice(0, 2000),
      lang: pageLang(),
      savedAt: now,
      updatedAt: now,
      entities: savedEntities(this.index.counts()),
    };
  }

  /** Saves the page itself (from the popup), with the entities found on it. */
  async savePage(): Promise<SaveOutcome> {
    const page = this.pageRecord(new Date().toISOString());
    if (!page) return { ok: false, reason: 'unsupported' };
    return (await sendToBackground('page:save', { page })) ?? NO_ANSWER;
  }

  /** Saves a highlight or note over `range`; entityId when it saves a mention from its card. */
  save(range: Range | StaticRange, body: { note: string; tags: string[] }, entityId?: string): Promise<SaveOutcome> {
    return this.track(this.saveNow(range, body, entityId));
  }

  private async saveNow(
    range: Range | StaticRange,
    body: { note: string; tags: string[] },
    entityId?: string,
  ): Promise<SaveOutcome> {
    const now = new Date().toISOString();
    const page = this.pageRecord(now);
    if (!page) return { ok: false, reason: 'unsupported' };
    const text = await readPage();
    const at = offsetsOfRange(text, range);
    if (!at) return { ok: false, reason: 'empty' };
    const annotation: Annotation = {
      id: newAnnotationId(),
      pageUrl: page.url,
      target: { source: page.url, selector: describe(text.text, at.start, at.end) },
      ...(entityId ? { entityId } : {}),
      body: { note: body.note, tags: body.tags },
      motivation: body.note ? 'commenting' : 'highlighting',
      created: now,
      modified: now,
    };
    const reply = (await sendToBackground('annotation:save', { page, annotation })) ?? NO_ANSWER;
    if (reply.ok) {
      const drawn = staticRangeFor(text, at.start, at.end);
      if (drawn) this.placed.push({ annotation, range: drawn });
      this.draw();
    }
    return reply;
  }

  /** The placed annotations, in page order: id, quote and note (for the popup's list). */
  placedNotes(limit: number): { id: string; exact: string; note: string }[] {
    const before = (a: Placed, b: Placed) =>
      a.range.startContainer === b.range.startContainer
        ? a.range.startOffset - b.range.startOffset
        : a.range.startContainer.compareDocumentPosition(b.range.startContainer) & Node.DOCUMENT_POSITION_FOLLOWING
          ? -1
          : 1;
    return [...this.placed]
      .sort(before)
      .slice(0, limit)
      .map((p) => ({
        id: p.annotation.id,
        exact: p.annotation.target.selector[0].exact.slice(0, 200),
        note: p.annotation.body.note.slice(0, 200),
      }));
  }

  /** Where a placed annotation is on the page now, or null. */
  rangeOf(id: string): StaticRange | null {
    return this.placed.find((p) => p.annotation.id === id)?.range ?? null;
  }

  /** Changes a placed note's text and tags (from its bubble), in the library and on the page. */
  update(id: string, body: { note: string; tags: string[] }): Promise<SaveOutcome> {
    return this.track(this.updateNow(id, body));
  }

  private async updateNow(id: string, body: { note: string; tags: string[] }): Promise<SaveOutcome> {
    const page = this.url;
    if (!page) return { ok: false, reason: 'unsupported' };
    const reply = (await sendToBackground('annotation:update', { page, id, ...body })) ?? NO_ANSWER;
    if (reply.ok) {
      this.placed = this.placed.map((p) =>
        p.annotation.id === id ? { ...p, annotation: { ...p.annotation, body: { ...body } } } : p,
      );
      this.draw();
    }
    return reply;
  }

  /** Deletes a placed note (from its bubble), from the library and the page. */
  remove(id: string): Promise<SaveOutcome> {
    return this.track(this.removeNow(id));
  }

  private async removeNow(id: string): Promise<SaveOutcome> {
    const page = this.url;
    if (!page) return { ok: false, reason: 'unsupported' };
    const reply = (await sendToBackground('annotation:delete', { page, id })) ?? NO_ANSWER;
    if (reply.ok) {
      this.placed = this.placed.filter((p) => p.annotation.id !== id);
      this.draw();
    }
    return reply;
  }

  clear(): void {
    CSS.highlights.delete(SAVED);
    CSS.highlights.delete(NOTED);
  }

  /** The script ended: a placing pass still running stops at its next step and draws nothing. */
  stop(): void {
    this.stopped = true;
    this.generation++;
    this.clear();
  }
}
