/**
 * Reads the page's text, finds mentions with the engine and hands them to the highlighter and
 * the mention index. Re-scans are batched after page changes and never react to our own UI.
 */
import { findMentions, type Matcher } from '../../lib/match';
import { collectTextNodes } from './text-nodes';
import { joinTextNodes, nodeIndexAt, staticRangeFor, type PageText } from './page-text';
import type { Highlighter } from './highlighter';
import type { MentionIndex, PageMention } from './mention-index';

export interface ScanStats {
  textNodes: number;
  mentions: number;
  ms: number;
}

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

export class PageScanner {
  private knownNodes: Text[] = [];

  constructor(
    private readonly matcher: Matcher,
    private readonly highlighter: Highlighter,
    private readonly index: MentionIndex,
  ) {}

  /** Scans `root` from scratch, replacing what the last scan found. */
  scan(root: Node): ScanStats {
    const t0 = performance.now();
    const nodes = collectTextNodes(root);
    const page = joinTextNodes(nodes);
    const found: { mention: PageMention; spans: ReturnType<typeof spansOf> }[] = [];
    for (const m of findMentions(this.matcher, page.text)) {
      const range = staticRangeFor(page, m.start, m.end);
      if (!range) continue;
      found.push({
        mention: { index: found.length, id: m.id, kind: m.kind, candidates: m.candidates, text: m.text, range },
        spans: spansOf(page, m.start, m.end),
      });
    }
    this.highlighter.forgetNodes(this.knownNodes);
    this.highlighter.clear();
    this.index.clear();
    for (const { mention, spans } of found) {
      this.index.add(mention, spans);
      this.highlighter.add([{ node: spans[0]!.node, range: mention.range, kind: mention.kind }]);
    }
    this.knownNodes = nodes;
    return { textNodes: nodes.length, mentions: found.length, ms: performance.now() - t0 };
  }

  clear(): void {
    this.highlighter.clear();
    this.index.clear();
    this.knownNodes = [];
  }
}
