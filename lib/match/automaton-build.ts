/**
 * Builds the Aho–Corasick automaton over already-normalized pattern texts, stored as a
 * double-array trie (base/check) plus failure links, all in typed arrays.
 *
 * Why a double array: a transition is two array reads (t = base[s] + a; check[t] === s),
 * with no search through edge lists, which keeps the page scan close to the cost of
 * reading the text. Building is slower than a pointer trie, but it happens at data-build time.
 *
 * The three fields of a state are interleaved in one Int32Array, so a transition touches one
 * cache line rather than three: with 100k aliases the automaton is far bigger than the CPU
 * caches and memory latency, not instructions, is what the scan pays for.
 *
 * Compactness (12 bytes per state: base, check, fail). Outputs need no per-state array: two
 * flag bits in the failure link say "a pattern ends here" and "a pattern ends on my failure
 * chain". The compiler numbers pattern groups in the slot order of their terminal states, so
 * the group of a terminal state is its rank in a bitmap of terminal slots (bit-rank.ts):
 * 1 bit per slot instead of an 8-byte (slot, group) pair per pattern.
 */
import { createBits, setBit } from './bit-rank';

export interface Automaton {
  alphabet: Uint16Array;
  alphaIndex: Uint16Array;
  /** Interleaved per state s: nodes[3s] = base, nodes[3s+1] = check, nodes[3s+2] = fail word. */
  nodes: Int32Array;
  /** Bit s set: a pattern ends at state s. */
  terminalBits: Uint32Array;
  /** terminalOrder[k] = index (in the input) of the pattern ending at the k-th terminal slot. */
  terminalOrder: Int32Array;
}

/** Fields of a state in the interleaved `nodes` array (one cache line serves a whole step). */
export const NODE_STRIDE = 3;
export const NODE_BASE = 0;
export const NODE_CHECK = 1;
export const NODE_FAIL = 2;

/** The fail word packs the failure link (low 30 bits) with two flags. */
export const FAIL_LINK_MASK = 0x3fffffff;
/** Some pattern ends at this state or at a state on its failure chain. */
export const FAIL_HAS_OUTPUT = 0x40000000;
/** A pattern ends exactly at this state (the sign bit: fail[s] < 0). */
export const FAIL_TERMINAL = -0x80000000;

/** Code unit → dense alphabet index (1-based), most frequent units first. */
function buildAlphabet(patterns: string[]): { alphabet: Uint16Array; alphaIndex: Uint16Array } {
  const freq = new Map<number, number>();
  for (const p of patterns) for (let k = 0; k < p.length; k++) freq.set(p.charCodeAt(k), (freq.get(p.charCodeAt(k)) ?? 0) + 1);
  const units = [...freq.keys()].sort((a, b) => freq.get(b)! - freq.get(a)! || a - b);
  const alphabet = Uint16Array.from(units);
  return { alphabet, alphaIndex: alphaIndexFromAlphabet(alphabet) };
}

/** Rebuilds the 64K lookup table from the alphabet list (used at load time too). */
export function alphaIndexFromAlphabet(alphabet: Uint16Array): Uint16Array {
  const alphaIndex = new Uint16Array(0x10000);
  for (let k = 0; k < alphabet.length; k++) alphaIndex[alphabet[k]!] = k + 1;
  return alphaIndex;
}

/** A pointer trie in parallel typed arrays, built from sorted patterns in one pass. */
interface Trie {
  size: number;
  label: Int32Array;
  firstChild: Int32Array;
  nextSibling: Int32Array;
  group: Int32Array;
}

function buildTrie(patterns: string[], alphaIndex: Uint16Array): Trie {
  let total = 1;
  for (const p of patterns) total += p.length;
  const label = new Int32Array(total);
  const firstChild = new Int32Array(total).fill(-1);
  const lastChild = new Int32Array(total).fill(-1);
  const nextSibling = new Int32Array(total).fill(-1);
  const group = new Int32Array(total).fill(-1);
  // Sorted insertion: the shared prefix with the previous pattern is always the path just built.
  const order = patterns.map((_, g) => g).sort((a, b) => (patterns[a]! < patterns[b]! ? -1 : patterns[a]! > patterns[b]! ? 1 : 0));
  const path: number[] = [0];
  let prev = '';
  let size = 1;
  for (const g of order) {
    const p = patterns[g]!;
    let lcp = 0;
    const lim = Math.min(p.length, prev.length);
    while (lcp < lim && p.charCodeAt(lcp) === prev.charCodeAt(lcp)) lcp++;
    let node = path[lcp]!;
    for (let k = lcp; k < p.length; k++) {
      const child = size++;
      label[child] = alphaIndex[p.charCodeAt(k)]!;
      if (lastChild[node] === -1) firstChild[node] = child;
      else nextSibling[lastChild[node]!] = child;
      lastChild[node] = child;
      node = child;
      path[k + 1] = node;
    }
    group[node] = g;
    prev = p;
  }
  return { size, label, firstChild, nextSibling, group };
}

/** Free slots of the double array as a doubly linked list, growing on demand. */
class SlotPool {
  used = new Uint8Array(0);
  next = new Int32Array(0);
  prev = new Int32Array(0);
  cap = 0;
  head = -1;
  tail = -1;
  /** Every slot at or above this index is free. */
  highWater = 1;

  constructor(initial: number) {
    this.grow(Math.max(initial, 1024));
  }

  grow(minCap: number): void {
    let cap = Math.max(this.cap * 2, 1024);
    while (cap < minCap) cap *= 2;
    const used = new Uint8Array(cap);
    used.set(this.used);

    const next = new Int32Array(cap);
    next.set(this.next);
    const prev = new Int32Array(cap);
    prev.set(this.prev);
    // Slot 0 is the root; free slots start at 1.
    for (let i = Math.max(this.cap, 1); i < cap; i++) {
      prev[i] = this.tail;
      next[i] = -1;
      if (this.tail === -1) this.head = i;
      else next[this.tail] = i;
      this.tail = i;
    }
    if (this.cap === 0) used[0] = 1;
    this.used = used;
    this.next = next;
    this.prev = prev;
    this.cap = cap;
  }

  take(i: number): void {
    if (i >= this.cap) this.grow(i + 1);
    this.used[i] = 1;
    if (i >= this.highWater) this.highWater = i + 1;
    const p = this.prev[i]!;
    const n = this.next[i]!;
    if (p === -1) this.head = n;
    else this.next[p] = n;
    if (n === -1) this.tail = p;
    else this.prev[n] = p;
  }

  isFree(i: number): boolean {
    if (i >= this.cap) this.grow(i + 1);
    return this.used[i] === 0;
  }
}

/**
 * Finds a base so that base + label is free for every label (labels ascending): tries the
 * free slots in order for the first label; after too many failures (a crowded region) it
 * goes past the highest used slot.
 */
function findBase(pool: SlotPool, labels: number[]): number {
  const first = labels[0]!;
  const last = labels[labels.length - 1]!;
  let f = pool.head;
  for (let tries = 0; f !== -1 && tries < 256; tries++, f = pool.next[f]!) {
    const b = f - first;
    if (b < 0 || !pool.isFree(b + last)) continue;
    let ok = true;
    for (let k = 1; ok && k < labels.length - 1; k++) ok = pool.isFree(b + labels[k]!);
    if (ok) return b;
  }
  let b = Math.max(0, pool.highWater - first);
  while (!pool.isFree(b + last)) b++;
  return b;
}

export function buildAutomaton(patterns: string[]): Automaton {
  const { alphabet, alphaIndex } = buildAlphabet(patterns);
  const trie = buildTrie(patterns, alphaIndex);
  const n = trie.size;
  const slotOf = new Int32Array(n);
  const bfs = new Int32Array(n);
  const pool = new SlotPool(n + alphabet.length + 1);
  const bases: number[] = []; // base of each BFS position with children, -1 for leaves
  let maxSlot = 0;
  let maxBase = 0;
  let qHead = 0;
  let qTail = 1;
  const labels: number[] = [];
  const kids: number[] = [];
  while (qHead < qTail) {
    const node = bfs[qHead++]!;
    kids.length = 0;
    for (let c = trie.firstChild[node]!; c !== -1; c = trie.nextSibling[c]!) kids.push(c);
    if (kids.length === 0) {
      bases.push(-1);
      continue;
    }
    kids.sort((a, b) => trie.label[a]! - trie.label[b]!);
    labels.length = 0;
    for (const c of kids) labels.push(trie.label[c]!);
    const b = findBase(pool, labels);
    bases.push(b);
    if (b > maxBase) maxBase = b;
    for (const c of kids) {
      const slot = b + trie.label[c]!;
      pool.take(slot);
      slotOf[c] = slot;
      if (slot > maxSlot) maxSlot = slot;
      bfs[qTail++] = c;
    }
  }
  // Room for base + any label past the last slot, so the scan needs no bounds check.
  // Leaves keep base 0: no slot names a leaf as its parent.
  const length = Math.max(maxSlot, maxBase) + alphabet.length + 2;
  const base = new Int32Array(length);
  const check = new Int32Array(length).fill(-1);
  for (let k = 0; k < n; k++) {
    const node = bfs[k]!;
    const b = bases[k]!;
    if (b >= 0) base[slotOf[node]!] = b;
    for (let c = trie.firstChild[node]!; c !== -1; c = trie.nextSibling[c]!) check[slotOf[c]!] = slotOf[node]!;
  }
  const { fail, terminalBits, terminalOrder } = linkFailures(trie, bfs, slotOf, base, check, length);
  const nodes = new Int32Array(length * NODE_STRIDE);
  for (let k = 0; k < length; k++) {
    nodes[k * NODE_STRIDE + NODE_BASE] = base[k]!;
    nodes[k * NODE_STRIDE + NODE_CHECK] = check[k]!;
    nodes[k * NODE_STRIDE + NODE_FAIL] = fail[k]!;
  }
  return { alphabet, alphaIndex, nodes, terminalBits, terminalOrder };
}

/** Failure links with output flags, in BFS order so every suffix is done before it is needed. */
function linkFailures(trie: Trie, bfs: Int32Array, slotOf: Int32Array, base: Int32Array, check: Int32Array, length: number) {
  const fail = new Int32Array(length);
  const terminals: Array<[number, number]> = [];
  const step = (s: number, a: number): number => {
    const t = base[s]! + a;
    return check[t] === s ? t : -1;
  };
  for (let k = 1; k < trie.size; k++) {
    const node = bfs[k]!;
    const slot = slotOf[node]!;
    const parent = check[slot]!;
    const a = trie.label[node]!;
    let f = 0;
    if (parent !== 0) {
      let s = fail[parent]! & FAIL_LINK_MASK;
      for (;;) {
        const t = step(s, a);
        if (t !== -1) {
          f = t;
          break;
        }
        if (s === 0) break;
        s = fail[s]! & FAIL_LINK_MASK;
      }
    }
    const g = trie.group[node]!;
    let word = f | (fail[f]! & FAIL_HAS_OUTPUT);
    if (g >= 0) {
      word |= FAIL_HAS_OUTPUT | FAIL_TERMINAL;
      terminals.push([slot, g]);
    }
    fail[slot] = word;
  }
  terminals.sort((x, y) => x[0] - y[0]);
  const terminalBits = createBits(length);
  for (const [slot] of terminals) setBit(terminalBits, slot);
  return { fail, terminalBits, terminalOrder: Int32Array.from(terminals, (t) => t[1]) };
}

