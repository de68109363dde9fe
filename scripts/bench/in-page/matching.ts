/**
 * Runs inside the harness page (bundled by esbuild as an IIFE, global `BenchPage`). The page
 * under test is loaded in a same-origin iframe with scripts disabled (sandbox), so the
 * compiled matchers and baselines are built once per pack and survive fresh copies of the
 * page; every approach reads the iframe's live, rendered DOM.
 */
import AhoCorasick from 'modern-ahocorasick';
import Mark from 'mark.js';
import { findMentions, loadMatcher, scanText, type Matcher } from '../../../lib/match';
import { joinTextNodes } from '../../../entrypoints/content/page-text';
import { collectTextNodes } from '../../../entrypoints/content/text-nodes';
import { timeOnce, timeWarm, type Timed } from './timing';


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

/** The floor: every text node's data, read once; nothing that reads the page can be cheaper. */
function floorWalk(doc: Document): number {
  const walker = doc.createTreeWalker(doc.body, NodeFilter.SHOW_TEXT);
  let total = 0;
  for (let n = walker.nextNode(); n; n = walker.nextNode()) total += (n as Text).data.length;
  return total;
}

/**
 * The same walk touching every character (charCodeAt): the floor above reads only lengths,
 * which Blink answers without copying text, so this is the least any matcher must pay.
 */
function walkChars(doc: Document): number {
  const walker = doc.createTreeWalker(doc.body, NodeFilter.SHOW_TEXT);
  let sum = 0;
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const data = (n as Text).data;
    for (let i = 0; i < data.length; i++) sum = (sum + data.charCodeAt(i)) | 0;
  }
  return sum;
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

export type Approach = 'floor' | 'walkChars' | 'walkJoin' | 'scanOnly' | 'ours' | 'product' | 'regexp' | 'ahocorasick';

const APPROACHES: Record<Approach, (doc: Document) => number> = {
  floor: floorWalk,
  walkChars,
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
  if (a === 'ours' || a === 'product' || a === 'scanOnly') return matcher !== null;
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
  return { walked: floorWalk(doc), readable: joinTextNodes(collectTextNodes(doc.body)).text.length };
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
    return { ms: performance.now() - t0, marks, termsDone: unmatched + matched.size, error: stack ? 'stack overflow' : String(e) };
  }
}
