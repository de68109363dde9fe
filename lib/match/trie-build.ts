/**
 * The two building blocks of automaton-build.ts that dominate compile time for large packs
 * (half a million patterns, millions of states): a pointer trie built from sorted patterns,
 * and the pool of free double-array slots searched for each state's base.
 */

/** Pattern texts as code units in one buffer: pattern k is units[start[k], start[k] + length[k]). */
export interface PatternPool {
  count: number;
  units: Uint16Array;
  start: Int32Array;
  length: Int32Array;
}

/** Below this many patterns a range is finished by insertion sort. */
const SMALL_SORT = 12;

/** Compares patterns x and y from unit `depth` on (code-unit order, a prefix first; ties by index). */
function compareFrom(pool: PatternPool, x: number, y: number, depth: number): number {
  const { units, start, length } = pool;
  const lx = length[x]!;
  const ly = length[y]!;
  const sx = start[x]!;
  const sy = start[y]!;
  const lim = lx < ly ? lx : ly;
  for (let d = depth; d < lim; d++) {
    const diff = units[sx + d]! - units[sy + d]!;
    if (diff !== 0) return diff;
  }
  return lx !== ly ? lx - ly : x - y;
}

/**
 * Pattern indices in ascending code-unit order (the order of the `<` operator on the
 * strings), equal patterns by ascending index. Multikey quicksort: each level compares one
 * code unit, so no pattern is compared from its start again.
 */
export function sortedOrder(pool: PatternPool): Int32Array {
  const idx = new Int32Array(pool.count);
  for (let k = 0; k < idx.length; k++) idx[k] = k;
  sortRange(pool, idx, 0, idx.length, 0);
  return idx;
}

function insertionSort(pool: PatternPool, idx: Int32Array, lo: number, hi: number, depth: number): void {
  for (let i = lo + 1; i < hi; i++) {
    const x = idx[i]!;
    let j = i - 1;
    for (; j >= lo && compareFrom(pool, idx[j]!, x, depth) > 0; j--) idx[j + 1] = idx[j]!;
    idx[j + 1] = x;
  }
}

function sortRange(pool: PatternPool, idx: Int32Array, lo: number, hi: number, depth: number): void {
  const { units, start, length } = pool;
  const unitAt = (k: number): number => (depth < length[k]! ? units[start[k]! + depth]! : -1);
  for (;;) {
    if (hi - lo <= SMALL_SORT) {
      insertionSort(pool, idx, lo, hi, depth);
      return;
    }
    // Median of three units as the pivot.
    const a = unitAt(idx[lo]!);
    const b = unitAt(idx[(lo + hi) >>> 1]!);
    const c = unitAt(idx[hi - 1]!);
    const pivot = a < b ? (b < c ? b : a < c ? c : a) : a < c ? a : b < c ? c : b;
    // Three-way partition: [lo, lt) < pivot, [lt, gt) = pivot, [gt, hi) > pivot.
    let lt = lo;
    let gt = hi;
    let i = lo;
    while (i < gt) {
      const u = unitAt(idx[i]!);
      if (u < pivot) {
        const t = idx[lt]!;
        idx[lt++] = idx[i]!;
        idx[i++] = t;
      } else if (u > pivot) {
        const t = idx[--gt]!;
        idx[gt] = idx[i]!;
        idx[i] = t;
      } else {
        i++;
      }
    }
    sortRange(pool, idx, lo, lt, depth);
    sortRange(pool, idx, gt, hi, depth);
    if (pivot === -1) {
      // Equal patterns: by index.
      idx.subarray(lt, gt).sort();
      return;
    }
    lo = lt;
    hi = gt;
    depth++;
  }
}

/**
 * A pointer trie in parallel typed arrays. Node 0 is the root; 0 also means "none" in
 * firstChild and nextSibling (the root is nobody's child), and group holds pattern + 1.
 */
export interface Trie {
  size: number;
  label: Uint16Array;
  firstChild: Int32Array;
  nextSibling: Int32Array;
  group: Int32Array;
}

/** Builds the trie from patterns in sorted order: the shared prefix with the previous pattern is the path just built. */
export function buildTrie(pool: PatternPool, alphaIndex: Uint16Array): Trie {
  const { units, start, length } = pool;
  const order = sortedOrder(pool);
  // Exact size first (one node per unit beyond the shared prefix), to allocate no more.
  const lcps = new Int32Array(order.length);
  let total = 1;
  let longest = 0;
  for (let o = 0; o < order.length; o++) {
    const g = order[o]!;
    const pl = length[g]!;
    let lcp = 0;
    if (o > 0) {
      const q = order[o - 1]!;
      const ps = start[g]!;
      const qs = start[q]!;
      const lim = pl < length[q]! ? pl : length[q]!;
      while (lcp < lim && units[ps + lcp] === units[qs + lcp]) lcp++;
    }
    lcps[o] = lcp;
    total += pl - lcp;
    if (pl > longest) longest = pl;
  }
  const label = new Uint16Array(total);
  const firstChild = new Int32Array(total);
  const nextSibling = new Int32Array(total);
  const group = new Int32Array(total);
  const path = new Int32Array(longest + 1);
  let prevLength = 0;
  let size = 1;
  for (let o = 0; o < order.length; o++) {
    const g = order[o]!;
    const ps = start[g]!;
    const pl = length[g]!;
    const lcp = lcps[o]!;
    let node = path[lcp]!;
    for (let k = lcp; k < pl; k++) {
      const child = size++;
      label[child] = alphaIndex[units[ps + k]!]!;
      // Children arrive in order: the last child so far is the previous pattern's next node.
      if (k === lcp && k < prevLength) nextSibling[path[k + 1]!] = child;
      else firstChild[node] = child;
      node = child;
      path[k + 1] = node;
    }
    group[node] = g + 1;
    prevLength = pl;
  }
  return { size, label, firstChild, nextSibling, group };
}

/** Free slots tried for a state's first label before going past the highest used slot. */
const BASE_TRIES = 256;

/**
 * The double array being filled: each slot's base and check (check -1: free), and the free
 * slots below the high-water mark (every slot from it on is free) as a doubly linked list in
 * ascending order. Arrays grow on demand and always reach past highWater + maxLabel.
 */
export class SlotPool {
  base: Int32Array;
  check: Int32Array;
  private next: Int32Array;
  private prev: Int32Array;
  private head = -1;
  private tail = -1;
  /** Every slot at or above this index is free; slot 0 is the root's. */
  highWater = 1;

  constructor(
    initial: number,
    private readonly maxLabel: number,
  ) {
    const cap = Math.max(initial, 1024) + maxLabel + 2;
    this.base = new Int32Array(cap);
    this.check = new Int32Array(cap).fill(-1);
    this.next = new Int32Array(cap);
    this.prev = new Int32Array(cap);
  }

  private ensure(minCap: number): void {
    if (minCap <= this.check.length) return;
    const cap = Math.max(minCap, this.check.length * 2);
    const grown = (a: Int32Array, fill: number): Int32Array => {
      const b = new Int32Array(cap);
      if (fill !== 0) b.fill(fill, a.length);
      b.set(a);
      return b;
    };
    this.base = grown(this.base, 0);
    this.check = grown(this.check, -1);
    this.next = grown(this.next, 0);
    this.prev = grown(this.prev, 0);
  }

  /** Marks slot i used by a child of the state in slot parent. */
  take(i: number, parent: number): void {
    const hw = this.highWater;
    if (i >= hw) {
      // Slots skipped over become free slots below the high-water mark.
      this.ensure(i + this.maxLabel + 2);
      const { next, prev } = this;
      for (let k = hw; k < i; k++) {
        prev[k] = this.tail;
        next[k] = -1;
        if (this.tail === -1) this.head = k;
        else next[this.tail] = k;
        this.tail = k;
      }
      this.highWater = i + 1;
    } else {
      const { next, prev } = this;
      const p = prev[i]!;
      const n = next[i]!;
      if (p === -1) this.head = n;
      else next[p] = n;
      if (n === -1) this.tail = p;
      else prev[n] = p;
    }
    this.check[i] = parent;
  }

  /**
   * A base so that base + label is free for every label of labels[0, count) (ascending):
   * the first that fits among the first BASE_TRIES free slots, in order, for the first
   * label; else the base that puts the first label at or past the high-water mark.
   * (Free slots at or past the mark always fit; trying them one by one as well would end
   * at that same base, so only the ones below it are tried.)
   */
  findBase(labels: Int32Array, count: number): number {
    const first = labels[0]!;
    const hw = this.highWater;
    const { next, check } = this;
    let f = this.head;
    if (count === 1) {
      // One label: base + label = f, free by definition.
      for (let tries = 0; f !== -1 && tries < BASE_TRIES; tries++, f = next[f]!) {
        if (f >= first) return f - first;
      }
    } else {
      const last = labels[count - 1]!;
      for (let tries = 0; f !== -1 && tries < BASE_TRIES; tries++, f = next[f]!) {
        const b = f - first;
        if (b < 0 || (b + last < hw && check[b + last]! >= 0)) continue;
        let k = 1;
        for (; k < count - 1; k++) {
          const x = b + labels[k]!;
          if (x < hw && check[x]! >= 0) break;
        }
        if (k >= count - 1) return b;
      }
    }
    return hw > first ? hw - first : 0;
  }
}
