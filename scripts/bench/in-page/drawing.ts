/**
 * Drawing costs on the dense page (issue 5), run in the page itself (top level, not in a
 * frame: highlights and layout belong to the document being drawn). Mentions are found once
 * with the content script's own walk, join and StaticRange helpers; then the same mention
 * list is drawn as CSS Custom Highlights (StaticRange or live Range) or as <mark> elements.
 */
import { findMentions, loadMatcher } from '../../../lib/match';
import { joinTextNodes, nodeIndexAt, staticRangeFor, type PageText } from '../../../reading/page-text';
import { collectTextNodes } from '../../../reading/text-nodes';
import { frames } from './timing';

interface Found {
  start: number;
  end: number;
  kind: string;
}

let page: PageText | null = null;
let found: Found[] = [];
/** Keeps registered ranges reachable, as the extension does while a page is highlighted. */
let kept: AbstractRange[] = [];

const HIGHLIGHT_STYLE = ['organization', 'person', 'event', 'place']
  .map((k, i) => `::highlight(bench-${k}) { background-color: hsl(${i * 90} 90% 75%); }`)
  .join('\n');

/** Loads the matcher and finds the page's mentions (not timed here: the matching bench does that). */
export async function prepareDrawing(packUrl: string): Promise<number> {
  const style = document.createElement('style');
  style.textContent = HIGHLIGHT_STYLE;
  document.head.append(style);
  const matcher = loadMatcher(new Uint8Array(await (await fetch(packUrl)).arrayBuffer()));
  page = joinTextNodes(collectTextNodes(document.body));
  found = findMentions(matcher, page.text).map((m) => ({ start: m.start, end: m.end, kind: m.kind }));
  return found.length;
}

function liveRangeFor(p: PageText, start: number, end: number): Range {
  const a = nodeIndexAt(p, start);
  const b = nodeIndexAt(p, end - 1);
  const r = document.createRange();
  r.setStart(p.nodes[a]!, start - p.starts[a]!);
  r.setEnd(p.nodes[b]!, end - p.starts[b]!);
  return r;
}

/** Registers every mention, one Highlight per kind; returns the count. */
function register(rangeType: 'static' | 'live'): number {
  const p = page!;
  const byKind = new Map<string, Highlight>();
  for (const f of found) {
    const range = rangeType === 'static' ? staticRangeFor(p, f.start, f.end) : liveRangeFor(p, f.start, f.end);
    if (!range) continue;
    let h = byKind.get(f.kind);
    if (!h) {
      h = new Highlight();
      byKind.set(f.kind, h);
      CSS.highlights.set(`bench-${f.kind}`, h);
    }
    h.add(range);
    kept.push(range);
  }
  return kept.length;
}

export function registerHighlights(rangeType: 'static' | 'live'): number {
  return register(rangeType);
}

export function clearHighlights(): void {
  CSS.highlights.clear();
  kept = [];
}

/**
 * Wraps every mention in <mark> the way highlighter libraries do: split the text node at the
 * mention's edges and move the middle into a new element. Last mention first, so the offsets
 * of earlier mentions stay valid. Rewrites the page: needs a fresh copy afterwards.
 */
function wrapInMarks(): number {
  const p = page!;
  let wrapped = 0;
  for (let k = found.length - 1; k >= 0; k--) {
    const f = found[k]!;
    const first = nodeIndexAt(p, f.start);
    for (let i = nodeIndexAt(p, f.end - 1); i >= first; i--) {
      const node = p.nodes[i]!;
      const from = Math.max(0, f.start - p.starts[i]!);
      const to = Math.min(node.length, f.end - p.starts[i]!);
      if (to <= from) continue;
      if (to < node.length) node.splitText(to);
      const middle = from > 0 ? node.splitText(from) : node;
      const mark = document.createElement('mark');
      middle.replaceWith(mark);
      mark.append(middle);
      wrapped++;
    }
  }
  return wrapped;
}

export interface DrawTimes {
  /** The write itself (DOM or highlight registry). */
  writeMs: number;
  /** A synchronous layout right after it, in the same task (before any frame could do it). */
  layoutMs: number;
  /** Then the time until two more frames were produced (style, paint). */
  framesMs: number;
}

/** Draws every mention one way, all in one task so no frame runs between write and layout. */
export async function draw(how: 'highlights' | 'marks'): Promise<DrawTimes> {
  const t0 = performance.now();
  if (how === 'highlights') register('static');
  else wrapInMarks();
  const t1 = performance.now();
  void (document.body.getBoundingClientRect().height + document.documentElement.offsetHeight);
  const t2 = performance.now();
  await frames(2);
  return { writeMs: t1 - t0, layoutMs: t2 - t1, framesMs: performance.now() - t2 };
}

/** Two frames with nothing changed: the reference for DrawTimes.framesMs. */
export async function idleFrames(): Promise<number> {
  const t0 = performance.now();
  await frames(2);
  return performance.now() - t0;
}

/**
 * The cost the page pays for every DOM change of its own while our ranges exist: append and
 * remove one <span> in the middle of the page, `ops` times; returns µs per append+remove.
 */
export function domChange(ops: number): number {
  const parent = document.body.children[Math.floor(document.body.children.length / 2)]!;
  const span = document.createElement('span');
  span.textContent = 'x';
  const t0 = performance.now();
  for (let k = 0; k < ops; k++) {
    parent.appendChild(span);
    parent.removeChild(span);
  }
  return ((performance.now() - t0) * 1000) / ops;
}
