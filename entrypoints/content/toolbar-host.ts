/**
 * Shows the selection toolbar next to a text selection made with the mouse or the keyboard, and
 * saved notes over their passages; both are drawn by the UI frame, so the note being typed, and
 * the notes shown, never enter the page. Selections in form fields, editable areas, code or our
 * own UI are left alone. Only the reader's own input counts: events a page script makes up
 * (`isTrusted` false) are ignored.
 */
import type { Lang } from '../../lib/dataset/basics';
import type { Annotation } from '../../lib/annotations/model';
import type { SaveOutcome } from '../../lib/protocol';
import type { FromFrameMessage } from '../../lib/ui-frame-protocol';
import type { Annotator } from './annotator';
import { isReadable } from '../../reading/text-nodes';
import { FrameSurface, type Placement } from './ui-frame-host';
import type { Lifetime } from './lifetime';

/** The passage a note is being written for: shown while focus is in the note form. */
const PENDING = 'context-lens-pending';
/** How long a note bubble stays after the pointer left its highlight (time to reach the bubble). */
const NOTE_HIDE_DELAY_MS = 400;

function snapshot(range: Range): StaticRange {
  return new StaticRange({
    startContainer: range.startContainer,
    startOffset: range.startOffset,
    endContainer: range.endContainer,
    endOffset: range.endOffset,
  });
}

/** A selection worth annotating: not collapsed, with readable text at one of its ends. */
function annotatableSelection(): Range | null {
  const selection = document.getSelection();
  if (!selection || selection.isCollapsed || selection.rangeCount === 0) return null;
  const range = selection.getRangeAt(0);
  if (range.toString().trim() === '') return null;
  const ends = [range.startContainer, range.endContainer];
  if (!ends.some((node) => node.nodeType === Node.TEXT_NODE && isReadable(node))) return null;
  return range;
}

function sameRange(a: AbstractRange, b: AbstractRange): boolean {
  return (
    a.startContainer === b.startContainer &&
    a.startOffset === b.startOffset &&
    a.endContainer === b.endContainer &&
    a.endOffset === b.endOffset
  );
}

/** Below `anchor` if it fits, else above, kept inside the viewport. */
function placeBelow(anchor: DOMRect, size: { width: number; height: number }): Placement {
  const vw = document.documentElement.clientWidth || window.innerWidth;
  const width = Math.min(size.width, vw);
  const height = Math.min(size.height, window.innerHeight);
  const below = anchor.bottom + 2 + height <= window.innerHeight;
  const top = below ? anchor.bottom + 2 : Math.max(0, anchor.top - 2 - height);
  const left = Math.max(0, Math.min(anchor.right - width / 2, vw - width));
  return { top, left, width, height };
}

export class ToolbarHost {
  private readonly surface: FrameSurface;
  private showing: 'toolbar' | 'note' | null = null;
  private noteShown: string | null = null;
  private noteHideTimer: number | undefined;
  private target: StaticRange | null = null;

  constructor(
    private readonly life: Lifetime,
    private readonly settings: () => { uiLang: Lang; paintNotes: boolean },
    private readonly annotator: Annotator,
  ) {
    this.surface = new FrameSurface(life, (message) => void this.onFrame(message));
  }

  start(): void {
    const later = () => this.life.setTimeout(() => this.onSelectionDone(), 0);
    this.life.listen(document, 'mouseup', (event) => event.isTrusted && later());
    this.life.listen(
      document,
      'keyup',
      (event) => event.isTrusted && (event.shiftKey || event.key === 'Shift') && later(),
    );
    this.life.listen(document, 'selectionchange', () => {
      if (
        this.showing === 'toolbar' &&
        !this.surface.pointerInside &&
        !this.surface.hasFocus &&
        !annotatableSelection()
      )
        this.hide();
    });
  }

  private onSelectionDone(): void {
    if (this.surface.hasFocus) return;
    const range = annotatableSelection();
    // Already up for this very selection (the keyboard command may have come first): keep it.
    if (range && this.showing === 'toolbar' && this.target && sameRange(this.target, range)) return;
    if (range) void this.show(range, false);
    else if (!this.surface.pointerInside) this.hide();
  }

  /** The keyboard command: note on the current selection, focus in the note. */
  async openForSelection(): Promise<boolean> {
    const range = annotatableSelection();
    if (!range) return false;
    await this.show(range, true);
    return true;
  }

  private async show(range: Range, withNote: boolean): Promise<void> {
    const target = snapshot(range);
    const rects = range.getClientRects();
    const last = rects[rects.length - 1] ?? range.getBoundingClientRect();
    this.showing = 'toolbar';
    this.noteShown = null;
    this.target = target;
    const shown = await this.surface.show(
      { type: 'toolbar', payload: { startWithNote: withNote, uiLang: this.settings().uiLang } },
      (size) => placeBelow(last, size),
    );
    if (!shown) return;
    if (this.settings().paintNotes) this.markPending(target);
    if (withNote) this.surface.focus();
  }

  /** Shows a saved note over its highlight (hover), unless the toolbar is in use. */
  async showNote(annotation: Annotation, anchor: DOMRect): Promise<void> {
    this.life.clearTimeout(this.noteHideTimer);
    this.noteHideTimer = undefined;
    if (this.showing === 'toolbar' || this.noteShown === annotation.id) return;
    this.showing = 'note';
    this.noteShown = annotation.id;
    const { note, tags } = annotation.body;
    await this.surface.show({ type: 'note', payload: { note, tags, uiLang: this.settings().uiLang } }, (size) =>
      placeBelow(anchor, size),
    );
  }

  /**
   * Hides a note bubble when the pointer left its highlight, after a moment, so the pointer can
   * cross the gap to the bubble (WCAG 1.4.13, as for the card); not while the reader is in it.
   */
  hideNote(): void {
    if (this.showing !== 'note' || this.noteHideTimer) return;
    this.noteHideTimer = this.life.setTimeout(() => {
      this.noteHideTimer = undefined;
      if (this.showing === 'note' && !this.surface.pointerInside && !this.surface.hasFocus) this.hide();
    }, NOTE_HIDE_DELAY_MS);
  }

  hide(): void {
    this.showing = null;
    this.noteShown = null;
    this.target = null;
    CSS.highlights.delete(PENDING);
    this.surface.hide();
  }

  /** Keeps the passage visibly marked while focus is in the note form (the selection greys out). */
  private markPending(target: StaticRange): void {
    const pending = new Highlight(target);
    pending.priority = 2;
    CSS.highlights.set(PENDING, pending);
  }

  private async onFrame(message: FromFrameMessage): Promise<void> {
    switch (message.type) {
      case 'close':
        this.hide();
        break;
      case 'pointer':
        if (!message.payload.inside) this.hideNote();
        break;
      case 'noting':
        // Typing in the frame greys the page's selection out; where the passage is marked in
        // our own highlight (notes painted on this site), drop the selection so the mark shows.
        // Only when the reader clicked "Add note" (the pointer is in the frame): the keyboard
        // command is still moving focus into the frame, and that must not be disturbed.
        if (this.showing === 'toolbar' && this.target && this.surface.pointerInside && this.settings().paintNotes)
          document.getSelection()?.removeAllRanges();
        break;
      case 'noteUpdate':
      case 'noteDelete': {
        // Only the note the bubble shows: the frame names no note itself.
        const id = this.showing === 'note' ? this.noteShown : null;
        const { payload } = message;
        const outcome: SaveOutcome = !id
          ? { ok: false, reason: 'failed' }
          : message.type === 'noteUpdate'
            ? await this.annotator.update(id, { note: message.payload.note, tags: message.payload.tags })
            : await this.annotator.remove(id);
        this.surface.answer(payload.request, outcome);
        if (outcome.ok && message.type === 'noteDelete') this.hide();
        break;
      }
      case 'saveSelection': {
        const target = this.target;
        const outcome: SaveOutcome = target
          ? await this.annotator.save(target, { note: message.payload.note, tags: message.payload.tags })
          : { ok: false, reason: 'empty' };
        this.surface.answer(message.payload.request, outcome);
        break;
      }
      default:
        break;
    }
  }
}
