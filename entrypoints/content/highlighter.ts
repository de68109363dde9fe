/**
 * Draws mentions with the CSS Custom Highlight API: one Highlight per kind, holding StaticRanges,
 * so the page's DOM is never touched (and live Ranges never tax the page's own DOM edits).
 * The colours are in highlights.css, injected by the browser from the manifest, outside the DOM.
 */
import type { Kind } from '../../lib/dataset/schema';

export const HIGHLIGHT_PREFIX = 'context-lens-';

export interface PaintedMention {
  node: Text;
  range: StaticRange;
  kind: Kind;
}

export function highlightApiAvailable(): boolean {
  return typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight === 'function';
}

export class Highlighter {
  private readonly byKind = new Map<string, Highlight>();
  private readonly byNode = new Map<Text, PaintedMention[]>();
  private styleSuffix: '' | '-underline' = '';

  constructor(private kindsShown: ReadonlySet<Kind>) {}

  private highlightFor(kind: Kind): Highlight {
    const name = `${HIGHLIGHT_PREFIX}${kind}${this.styleSuffix}`;
    let highlight = this.byKind.get(name);
    if (!highlight) {
      highlight = new Highlight();
      this.byKind.set(name, highlight);
      if (this.kindsShown.has(kind)) CSS.highlights.set(name, highlight);
    }
    return highlight;
  }

  add(mentions: PaintedMention[]): void {
    for (const m of mentions) {
      this.highlightFor(m.kind).add(m.range);
      const list = this.byNode.get(m.node);
      if (list) list.push(m);
      else this.byNode.set(m.node, [m]);
    }
  }

  /** Forgets the mentions that start in these nodes (their text changed or they left the page). */
  forgetNodes(nodes: Iterable<Text>): void {
    for (const node of nodes) {
      const list = this.byNode.get(node);
      if (!list) continue;
      for (const m of list) this.highlightFor(m.kind).delete(m.range);
      this.byNode.delete(node);
    }
  }

  get size(): number {
    let n = 0;
    for (const list of this.byNode.values()) n += list.length;
    return n;
  }

  /** Shows only these kinds; the mentions stay known, so showing a kind again costs nothing. */
  setKindsShown(kinds: ReadonlySet<Kind>): void {
    this.kindsShown = kinds;
    for (const [name, highlight] of this.byKind) {
      const kind = name.slice(HIGHLIGHT_PREFIX.length).replace(/-underline$/, '') as Kind;
      if (kinds.has(kind)) CSS.highlights.set(name, highlight);
      else CSS.highlights.delete(name);
    }
  }

  setStyle(style: 'background' | 'underline'): void {
    const suffix = style === 'underline' ? '-underline' : '';
    if (suffix === this.styleSuffix) return;
    const all = [...this.byNode.values()].flat();
    this.clear();
    this.styleSuffix = suffix;
    this.add(all);
  }

  /** Removes every highlight we registered: the page is exactly as it was. */
  clear(): void {
    for (const name of this.byKind.keys()) CSS.highlights.delete(name);
    this.byKind.clear();
    this.byNode.clear();
  }
}
