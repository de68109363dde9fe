/**
 * Runs inside the harness page (bundled by esbuild as an IIFE, global `BenchPage`). The page
 * under test is loaded in a same-origin iframe with scripts disabled (sandbox), so the
 * compiled matchers and baselines are built once per pack and survive fresh copies of the
 * page; every approach reads the iframe's live, rendered DOM.
 */
import AhoCorasick from 'modern-ahocorasick';
import Mark from 'mark.js';
import { findMentions, loadMatcher, scanText, type Matcher } from '../../../lib/match';
import { joinTextNodes } from '../../../reading/page-text';
import { collectTextNodes } from '../../../reading/text-nodes';
import { FAIL_HAS_OUTPUT, FAIL_LINK_MASK, NODE_STRIDE } from '../../../lib/match/automaton-build';
import { ALPHA_LOOKUP, fillUnitEntry, unitTableOf } from '../../../lib/match/unit-table';
import { timeOnce, timeWarm, type Timed } from './timing';

const STRIDE = NODE_STRIDE;
const HAS_OUTPUT = FAIL_HAS_OUTPUT;
const LINK_MASK = FAIL_LINK_MASK;

let matcher: Matcher | null = null;
let bytes: Uint8Array | null = null;
let regex: RegExp | null = null;
let ac: AhoCorasick | null = null;
let terms: string[] = [];

function frameDoc(): Document {
  const frame = document.getElementById('target') as HTMLIFrameElement | null;
  const doc = frame?.contentDocument;
  if (!doc?.body) throw new Error('bench: no target page loaded');
  return doc;
}

/** Loads a fresh copy of `url` into the target iframe (scripts off, same origin). */
export function loadTarget(url: string): Promise<number> {
  document.getElementById('target')?.remove();
  const frame = document.createElement('iframe');
  frame.id = 'target';
  frame.setAttribute('sandbox', 'allow-same-origin');
  frame.style.cssText = 'width:1200px;height:900px;border:0';
  const loaded = new Promise<number>((ok, fail) => {
    frame.onload = () => ok(frame.contentDocument?.body?.textContent?.length ?? 0);
    frame.onerror = () => fail(new Error(`bench: cannot load ${url}`));
  });
  frame.src = url;
  document.body.append(frame);
  return loaded;
}

/** Fetches the serialized matcher; kept so loadMatcher can be timed apart from the network. */
export async function fetchPack(url: string): Promise<number> {
  matcher = null;
  bytes = new Uint8Array(await (await fetch(url)).arrayBuffer());
  return bytes.length;
}

/** loadMatcher on the fetched bytes: `reps` timings, the last matcher kept for scanning. */
export function timeLoadMatcher(reps: number): number[] {
  if (!bytes) throw new Error('bench: fetchPack first');
  const times: number[] = [];
  for (let k = 0; k < reps; k++) {
    const t0 = performance.now();
    matcher = loadMatcher(bytes);
    times.push(performance.now() - t0);
  }
  return times;
}

/** Drops the fetched copy so only the loaded matcher (views over it) stays reachable. */
export function releaseBytes(): void {
  bytes = null;
}

export async function fetchTerms(url: string): Promise<number> {
  terms = (await (await fetch(url)).json()) as string[];
  regex = null;
  ac = null;
  return terms.length;
}

// Only syntax characters: with the u flag, escaping anything else ("\\-") is a syntax error.
const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** One alternation over every term, longest first so the leftmost match is also the longest. */
export function buildRegExp(): number {
  const sorted = [...terms].sort((a, b) => b.length - a.length);
  return timeOnce(() => {
    regex = new RegExp(sorted.map(escapeRegExp).join('|'), 'giu');
    // V8 compiles a RegExp lazily, once per string width (Latin-1, UTF-16), and tiers it up
    // from bytecode to machine code on later runs: include all of that in its build time.
    for (const probe of ['x', 'x', '\u4e00', '\u4e00']) {
      regex.lastIndex = 0;
      regex.test(probe);
    }
    regex.lastIndex = 0;
    return sorted.length;
  }).ms;
}

export function buildAhoCorasick(): number {
  return timeOnce(() => {
    ac = new AhoCorasick(terms);
    return terms.length;
  }).ms;
}

export function dropBaselines(): void {
  regex = null;
  ac = null;
}

/*
 * The floor: the least any matcher must pay to read the page, i.e. every character of every
 * text node under <body> (TreeWalker, SHOW_TEXT, no filter, so inline scripts and styles
 * too: the same text `ours` scans). Reading a character means charCodeAt on it, folded into
 * a sum that is returned so V8 cannot drop the reads. Two ways, both measured; the report's
 * floor is, per page, whichever is faster (a stricter floor, never an inflated one):
 *   floorNodes:  charCodeAt over each node's .data in turn (V8 reads Blink's external strings);
 *   floorJoined: the .data strings joined by Array.join (one flat copy), then charCodeAt over it.
 * walkLengths is the previous, cheaper floor, printed for comparison: it sums .data.length,
 * which Blink answers without V8 ever reading the characters, so it is not a floor for reading.
 */
function walkLengths(doc: Document): number {
  const walker = doc.createTreeWalker(doc.body, NodeFilter.SHOW_TEXT);
  let total = 0;
  for (let n = walker.nextNode(); n; n = walker.nextNode()) total += (n as Text).data.length;
  return total;
}

function floorNodes(doc: Document): number {
  const walker = doc.createTreeWalker(doc.body, NodeFilter.SHOW_TEXT);
  let sum = 0;
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const data = (n as Text).data;
    for (let i = 0; i < data.length; i++) sum = (sum + data.charCodeAt(i)) | 0;
  }
  return sum;
}

function floorJoined(doc: Document): number {
  const walker = doc.createTreeWalker(doc.body, NodeFilter.SHOW_TEXT);
  const parts: string[] = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) parts.push((n as Text).data);
  const text = parts.join('');
  let sum = 0;
  for (let i = 0; i < text.length; i++) sum = (sum + text.charCodeAt(i)) | 0;
  return sum;
}

/**
 * For reference, the least a folding matcher adds to the joined floor: the same walk and join,
 * then charCodeAt plus one read of the fold table per character (what the scan needs to
 * compare "é" with "e" and "A" with "a"), summed. No automaton, no state carried from one
 * character to the next.
 */
function foldRead(doc: Document): number {
  const text = walkAndJoin(doc);
  const table = unitTableOf(matcher!);
  let sum = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    let entry = table[c]!;
    if (entry === 0) entry = fillUnitEntry(table, matcher!.alphaIndex, c);
    sum = (sum + entry) | 0;
  }
  return sum;
}

/**
 * For reference, the core of any Aho–Corasick scan: the loaded automaton's transitions over
 * the joined text, one table read per character (folded unit and alphabet index), nothing
 * else (no space collapsing, boundaries, outputs or selection). Counts states with outputs.
 */
function automatonOnly(text: string): number {
  const m = matcher!;
  const nodes = m.nodes;
  const table = unitTableOf(m);
  let state = 0;
  let outputs = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    let entry = table[c]!;
    if (entry === 0) entry = fillUnitEntry(table, m.alphaIndex, c);
    let a = entry > 0 ? (entry >>> 16) & ALPHA_LOOKUP : 0;
    if (a === ALPHA_LOOKUP) a = m.alphaIndex[entry & 0xffff]!;
    const at = STRIDE * state;
    if ((nodes[at + 2]! & HAS_OUTPUT) !== 0) outputs++;
    if (a === 0) {
      state = 0;
      continue;
    }
    for (let s = state, sAt = at; ;) {
      const t = nodes[sAt]! + a;
      if (nodes[STRIDE * t + 1] === s) {
        state = t;
        break;
      }
      if (s === 0) {
        state = 0;
        break;
      }
      s = nodes[sAt + 2]! & LINK_MASK;
      sAt = STRIDE * s;
    }
  }
  return outputs;
}

/** The same walk, keeping the nodes, then joined the way the content script joins them. */
function walkAndJoin(doc: Document): string {
  const walker = doc.createTreeWalker(doc.body, NodeFilter.SHOW_TEXT);
  const nodes: Text[] = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n as Text);
  return joinTextNodes(nodes).text;
}

function regexCount(text: string): number {
  const re = regex!;
  re.lastIndex = 0;
  let n = 0;
  while (re.exec(text) !== null) n++;
  return n;
}

export type Approach =
  | 'floorNodes'
  | 'floorJoined'
  | 'walkLengths'
  | 'walkJoin'
  | 'foldRead'
  | 'automaton'
  | 'scanOnly'
  | 'ours'
  | 'product'
  | 'regexp'
  | 'ahocorasick';

const APPROACHES: Record<Approach, (doc: Document) => number> = {
  floorNodes,
  floorJoined,
  walkLengths,
  foldRead,
  automaton: (doc) => automatonOnly(walkAndJoin(doc)),
  walkJoin: (doc) => walkAndJoin(doc).length,
  // The engine's scan loop alone (normalize, automaton, boundaries, selection), no mentions built.
  scanOnly: (doc) => {
    let n = 0;
    scanText(matcher!, walkAndJoin(doc), () => n++);
    return n;
  },
  ours: (doc) => findMentions(matcher!, walkAndJoin(doc)).length,
  // What the content script runs: its filtered walk (skips script, style, code, hidden...) and join.
  product: (doc) => findMentions(matcher!, joinTextNodes(collectTextNodes(doc.body)).text).length,
  regexp: (doc) => regexCount(walkAndJoin(doc)),
  ahocorasick: (doc) => ac!.search(walkAndJoin(doc), { strategy: 'leftmost-longest' }).length,
};

export function available(a: Approach): boolean {
  if (a === 'ours' || a === 'product' || a === 'scanOnly' || a === 'automaton' || a === 'foldRead')
    return matcher !== null;
  if (a === 'regexp') return regex !== null;
  if (a === 'ahocorasick') return ac !== null;
  return true;
}

/** The first call on a fresh page copy (cold), then warm samples. */
export function measure(a: Approach, cold: boolean): Timed {
  const doc = frameDoc();
  const fn = APPROACHES[a];
  return cold ? timeOnce(() => fn(doc)) : timeWarm(() => fn(doc));
}

/** Characters the floor walk reads and the product walk keeps, for the report. */
export function textSizes(): { walked: number; readable: number } {
  const doc = frameDoc();
  return { walked: walkLengths(doc), readable: joinTextNodes(collectTextNodes(doc.body)).text.length };
}

/**
 * mark.js on the target page (it rewrites the DOM: call on a fresh copy). Synchronous, so a
 * run past the time cap is stopped from outside (CDP Runtime.terminateExecution). It searches
 * one term at a time, so it also reports how many terms it got through: when it overflows the
 * stack, that count says where.
 */
export function runMarkJs(): { ms: number; marks: number; termsDone: number; error: string | null } {
  const doc = frameDoc();
  let marks = -1;
  let unmatched = 0;
  const matched = new Set<string>();
  const options = {
    separateWordSearch: false,
    done: (n: number) => (marks = n),
    noMatch: () => unmatched++,
    filter: (_node: Text, term: string) => (matched.add(term), true),
  };
  const t0 = performance.now();
  try {
    new Mark(doc.body).mark(terms, options);
    return { ms: performance.now() - t0, marks, termsDone: unmatched + matched.size, error: null };
  } catch (e) {
    // Deep recursion fails as a RangeError, or as a SyntaxError when new RegExp runs out of stack.
    const stack = /stack/i.test(String(e));
    return {
      ms: performance.now() - t0,
      marks,
      termsDone: unmatched + matched.size,
      error: stack ? 'stack overflow' : String(e),
    };
  }
}
