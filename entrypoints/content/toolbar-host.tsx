/**
 * Shows the selection toolbar (in its own shadow root) next to a text selection made with the
 * mouse or the keyboard, and saves through the annotator. Selections in form fields, editable
 * areas, code or our own UI are left alone.
 */
import { render } from 'preact';
import type { i18n } from 'i18next';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi, type ShadowRootContentScriptUi } from 'wxt/utils/content-script-ui/shadow-root';
import { SelectionToolbar } from '../../components/SelectionToolbar';
import toolbarCss from '../../components/selection-toolbar.css?inline';
import { translatorOf } from '../../lib/i18n-resources';
import type { Lang } from '../../lib/dataset/schema';
import type { Annotator } from './annotator';
import { isReadable } from './text-nodes';
import { UI_TAG } from './card-host';
import { NoteBubble } from '../../components/NoteBubble';
import type { Annotation } from '../../lib/annotations/model';
import { browser } from 'wxt/browser';

const TOOLBAR_TAG = `${UI_TAG}-toolbar`;

function snapshot(range: Range): StaticRange {
  return new StaticRange({ startContainer: range.startContainer, startOffset: range.startOffset, endContainer: range.endContainer, endOffset: range.endOffset });
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

export class ToolbarHost {
  private ui: ShadowRootContentScriptUi<void> | null = null;
  private pointerInside = false;
  private showing: 'toolbar' | 'note' | null = null;
  private noteShown: string | null = null;

  constructor(
    private readonly ctx: ContentScriptContext,
    private readonly i18n: i18n,
    private readonly annotator: Annotator,
  ) {}

  start(): void {
    const later = () => setTimeout(() => this.onSelectionDone(), 0);
    this.ctx.addEventListener(document, 'mouseup', (event) => {
      if ((event.target as Element | null)?.tagName?.toLowerCase() === TOOLBAR_TAG) return;
      later();
    });
    this.ctx.addEventListener(document, 'keyup', (event) => {
      if (event.shiftKey || event.key === 'Shift') later();
    });
    this.ctx.addEventListener(document, 'selectionchange', () => {
      if (this.ui && !this.pointerInside && !this.focusInside() && !annotatableSelection()) this.hide();
    });
  }

  private focusInside(): boolean {
    return !!this.ui?.shadow.activeElement;
  }

  private onSelectionDone(): void {
    if (this.focusInside()) return;
    const range = annotatableSelection();
    if (range) void this.show(range, false);
    else if (!this.pointerInside) this.hide();
  }

  /** The keyboard command: note on the current selection, focus in the note. */
  async openForSelection(): Promise<boolean> {
    const range = annotatableSelection();
    if (!range) return false;
    await this.show(range, true);
    return true;
  }

  /** A fresh shadow-root host for the toolbar or a note, replacing the previous one. */
  private async mount(): Promise<ShadowRootContentScriptUi<void>> {
    this.hide();
    const ui = await createShadowRootUi<void>(this.ctx, {
      name: TOOLBAR_TAG,
      css: toolbarCss,
      mode: 'open',
      position: 'inline',
      anchor: 'body',
      append: 'last',
      isolateEvents: ['keydown', 'keyup', 'keypress', 'mouseup'],
      onMount: () => undefined,
    });
    ui.mount();
    ui.shadowHost.setAttribute('data-context-lens-ui', '');
    ui.shadowHost.addEventListener('pointerenter', () => (this.pointerInside = true));
    ui.shadowHost.addEventListener('pointerleave', () => (this.pointerInside = false));
    Object.assign(ui.uiContainer.style, { position: 'fixed', zIndex: '2147483647', margin: '0' });
    this.ui = ui;
    return ui;
  }

  /** Places the host below `anchor` if it fits, else above, kept inside the viewport. */
  private place(ui: ShadowRootContentScriptUi<void>, anchor: DOMRect): void {
    const box = ui.uiContainer.getBoundingClientRect();
    const vw = document.documentElement.clientWidth || window.innerWidth;
    const below = anchor.bottom + 8 + box.height <= window.innerHeight;
    const top = below ? anchor.bottom + 8 : Math.max(8, anchor.top - 8 - box.height);
    const left = Math.max(8, Math.min(anchor.right - box.width / 2, vw - box.width - 8));
    Object.assign(ui.uiContainer.style, { top: `${Math.round(top)}px`, left: `${Math.round(left)}px` });
  }

  private async show(range: Range, withNote: boolean): Promise<void> {
    const target = snapshot(range);
    const rects = range.getClientRects();
    const last = rects[rects.length - 1] ?? range.getBoundingClientRect();
    const ui = await this.mount();
    this.showing = 'toolbar';
    render(
      <SelectionToolbar
        t={translatorOf(this.i18n)}
        uiLang={this.i18n.language as Lang}
        startWithNote={withNote}
        onSave={(body) => this.annotator.save(target, body)}
        onClose={() => this.hide()}
      />,
      ui.uiContainer,
    );
    this.place(ui, last);
    if (withNote) ui.shadow.querySelector<HTMLElement>('textarea')?.focus();
  }

  /** Shows a saved note over its highlight (hover), unless the toolbar is in use. */
  async showNote(annotation: Annotation, anchor: DOMRect): Promise<void> {
    if (this.showing === 'toolbar' || this.noteShown === annotation.id) return;
    const ui = await this.mount();
    this.showing = 'note';
    this.noteShown = annotation.id;
    const libraryUrl = (browser.runtime.getURL as (p: string) => string)('/library.html');
    render(<NoteBubble t={translatorOf(this.i18n)} uiLang={this.i18n.language as Lang} note={annotation.body.note} tags={annotation.body.tags} libraryUrl={libraryUrl} />, ui.uiContainer);
    this.place(ui, anchor);
  }

  /** Hides a note bubble (the pointer left it and its highlight). */
  hideNote(): void {
    if (this.showing === 'note' && !this.pointerInside) this.hide();
  }

  hide(): void {
    this.showing = null;
    this.noteShown = null;
    if (!this.ui) return;
    render(null, this.ui.uiContainer);
    this.ui.remove();
    this.ui = null;
    this.pointerInside = false;
  }
}
