/**
 * Draws mentions with the CSS Custom Highlight API: one Highlight per kind, holding StaticRanges,
 * so the page's DOM is never touched (and live Ranges never tax the page's own DOM edits).
 * The colours are in highlights.css, injected by the browser from the manifest, outside the DOM.
 */
import type { Kind } from '../../lib/dataset/basics';

export const HIGHLIGHT_PREFIX = 'context-lens-';

export function highlightApiAvailable(): boolean {
  return typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight === 'function';
}

export class Highlighter {
  private readonly byName = new Map<string, Highlight>();
  /** Every painted range with its kind, so a style change can repaint without rescanning. */
  private readonly painted = new Map<StaticRange, Kind>();
  /** Ranges waiting for the next flush: each change to a registered Highlight makes the
   * browser recompute every range it holds, so ranges go in by the batch, not one by one. */
  private pending: [StaticRange, Kind][] = [];
  private styleSuffix: '' | '-underline' = '';

  constructor(private kindsShown: ReadonlySet<Kind>) {}

  private highlightFor(kind: Kind): Highlight {
    const name = `${HIGHLIGHT_PREFIX}${kind}${this.styleSuffix}`;
    let highlight = this.byName.get(name);
    if (!highlight) {
      highlight = new Highlight();
      this.byName.set(name, highlight);
      if (this.kindsShown.has(kind)) CSS.highlights.set(name, highlight);
    }
    return highlight;
  }

  add(range: StaticRange, kind: Kind): void {
    this.painted.set(range, kind);
    this.pending.push([range, kind]);
  }

  /** Hands up to `max` of the ranges added since the last flush to the browser; true when none wait. */
  flush(max = Infinity): boolean {
    if (this.pending.length === 0) return true;
    const batch = this.pending.length <= max ? this.pending : this.pending.slice(0, max);
    this.pending = this.pending.length <= max ? [] : this.pending.slice(max);
    for (const [range, kind] of batch) if (this.painted.get(range) === kind) this.highlightFor(kind).add(range);
    return this.pending.length === 0;
  }

  remove(range: StaticRange): void {
    const kind = this.painted.get(range);
    if (!kind) return;
    this.highlightFor(kind).delete(range);
    this.painted.delete(range);
  }

  /** Shows only these kinds; the mentions stay known, so showing a kind again costs nothing. */
  setKindsShown(kinds: ReadonlySet<Kind>): void {
    this.kindsShown = kinds;
    for (const [name, highlight] of this.byName) {
      const kind = name.slice(HIGHLIGHT_PREFIX.length).replace(/-underline$/, '') as Kind;
      if (kinds.has(kind)) CSS.highlights.set(name, highlight);
      else CSS.highlights.delete(name);
    }
  }

  setStyle(style: 'background' | 'underline'): void {
    const suffix = style === 'underline' ? '-underline' : '';
    if (suffix === this.styleSuffix) return;
    const all = [...this.painted];
    this.clear();
    this.styleSuffix = suffix;
    for (const [range, kind] of all) this.add(range, kind);
    this.flush();
  }

  /** Removes every highlight we registered: the page is exactly as it was. */
  clear(): void {
    for (const name of this.byName.keys()) CSS.highlights.delete(name);
    this.byName.clear();
    this.painted.clear();
    this.pending = [];
  }
}
