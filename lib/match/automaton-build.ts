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
 * chain"; five more hold the state's depth. The compiler numbers pattern groups in the slot order of their terminal states, so
 * the group of a terminal state is its rank in a bitmap of terminal slots (bit-rank.ts):
 * 1 bit per slot instead of an 8-byte (slot, group) pair per pattern.
 */
import { createBits, setBit } from './bit-rank';
import { buildTrie, SlotPool, type PatternPool } from './trie-build';

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

/** The fail word packs the failure link (low 25 bits) with the state's depth and two flags. */
export const FAIL_LINK_MASK = 0x01ffffff;
/**
 * Bits 25-29: the state's depth (length of its string), capped at FAIL_DEPTH_CAP, which means
 * "that long or longer". The scan uses it to drop states that start inside a word (scan.ts).
 */
export const FAIL_DEPTH_SHIFT = 25;
export const FAIL_DEPTH_CAP = 31;
/** Some pattern ends at this state or at a state on its failure chain. */
export const FAIL_HAS_OUTPUT = 0x40000000;
/** A pattern ends exactly at this state (the sign bit: fail[s] < 0). */
export const FAIL_TERMINAL = -0x80000000;

/** Code unit → dense alphabet index (1-based), most frequent units first. */
function buildAlphabet(pool: PatternPool): { alphabet: Uint16Array; alphaIndex: Uint16Array } {
  const freq = new Float64Array(0x10000);
  for (let g = 0; g < pool.count; g++) {
    const end = pool.start[g]! + pool.length[g]!;
    for (let k = pool.start[g]!; k < end; k++) {
      const c = pool.units[k]!;
      freq[c] = freq[c]! + 1;
    }
  }
  const units: number[] = [];
  for (let c = 0; c < 0x10000; c++) if (freq[c]! > 0) units.push(c);
  units.sort((a, b) => freq[b]! - freq[a]! || a - b);
  const alphabet = Uint16Array.from(units);
  return { alphabet, alphaIndex: alphaIndexFromAlphabet(alphabet) };
}

/** Rebuilds the 64K lookup table from the alphabet list (used at load time too). */
export function alphaIndexFromAlphabet(alphabet: Uint16Array): Uint16Array {
  const alphaIndex = new Uint16Array(0x10000);
  for (let k = 0; k < alphabet.length; k++) alphaIndex[alphabet[k]!] = k + 1;
  return alphaIndex;
}

/**
 * States are placed in breadth-first order, each state's children together (labels
 * ascending) at the first base the slot pool offers; the failure links follow in the same
 * order, so every suffix is linked before it is needed.
 */
export function buildAutomaton(pool: PatternPool): Automaton {
  const { alphabet, alphaIndex } = buildAlphabet(pool);
  const trie = buildTrie(pool, alphaIndex);
  const { size: n, label, firstChild, nextSibling, group } = trie;
  const slots = new SlotPool(n, alphabet.length);
  // Per BFS position: trie node and slot.
  const bfs = new Int32Array(n);
  const bfsSlot = new Int32Array(n);
  const kids = new Int32Array(alphabet.length + 1);
  const labels = new Int32Array(alphabet.length + 1);
  let maxSlot = 0;
  let maxBase = 0;
  let qHead = 0;
  let qTail = 1;
  while (qHead < qTail) {
    const at = qHead++;
    const node = bfs[at]!;
    let count = 0;
    for (let c = firstChild[node]!; c !== 0; c = nextSibling[c]!) {
      // Insertion by label (siblings are few, and their labels distinct).
      const a = label[c]!;
      let j = count++;
      for (; j > 0 && labels[j - 1]! > a; j--) {
        labels[j] = labels[j - 1]!;
        kids[j] = kids[j - 1]!;
      }
      labels[j] = a;
      kids[j] = c;
    }
    if (count === 0) continue; // a leaf keeps base 0: no slot names it as parent
    const b = slots.findBase(labels, count);
    const slot = bfsSlot[at]!;
    slots.base[slot] = b;
    if (b > maxBase) maxBase = b;
    for (let k = 0; k < count; k++) {
      const child = kids[k]!;
      const s = b + labels[k]!;
      slots.take(s, slot);
      if (s > maxSlot) maxSlot = s;
      bfs[qTail] = child;
      bfsSlot[qTail] = s;
      qTail++;
    }
  }
  // Room for base + any label past the last slot, so the scan needs no bounds check.
  const length = Math.max(maxSlot, maxBase) + alphabet.length + 2;
  if (length > FAIL_LINK_MASK + 1)
    throw new Error(
      `matcher: ${length} states are more than one matcher holds (${FAIL_LINK_MASK + 1}); import fewer names at once`,
    );
  const nodes = new Int32Array(length * NODE_STRIDE);
  const { base, check } = slots;
  const placed = Math.min(length, check.length);
  for (let k = 0; k < placed; k++) {
    nodes[k * NODE_STRIDE + NODE_BASE] = base[k]!;
    nodes[k * NODE_STRIDE + NODE_CHECK] = check[k]!;
  }
  for (let k = placed; k < length; k++) nodes[k * NODE_STRIDE + NODE_CHECK] = -1;
  const { terminalBits, terminalOrder } = linkFailures(nodes, n, bfs, bfsSlot, group, length);
  return { alphabet, alphaIndex, nodes, terminalBits, terminalOrder };
}

/** Failure links with output flags, written into the nodes' fail words in BFS order. */
function linkFailures(
  nodes: Int32Array,
  n: number,
  bfs: Int32Array,
  bfsSlot: Int32Array,
  trieGroup: Int32Array,
  length: number,
) {
  const terminalBits = createBits(length);
  const groupAt = new Int32Array(length);
  let terminals = 0;
  for (let k = 1; k < n; k++) {
    const slot = bfsSlot[k]!;
    const parent = nodes[slot * NODE_STRIDE + NODE_CHECK]!;
    const a = slot - nodes[parent * NODE_STRIDE + NODE_BASE]!; // the label: slot = base of parent + label
    let f = 0;
    if (parent !== 0) {
      let s = nodes[parent * NODE_STRIDE + NODE_FAIL]! & FAIL_LINK_MASK;
      for (;;) {
        const t = nodes[s * NODE_STRIDE + NODE_BASE]! + a;
        if (nodes[t * NODE_STRIDE + NODE_CHECK] === s) {
          f = t;
          break;
        }
        if (s === 0) break;
        s = nodes[s * NODE_STRIDE + NODE_FAIL]! & FAIL_LINK_MASK;
      }
    }
    const g = trieGroup[bfs[k]!]!;
    // BFS order: the parent's word, with its depth, is already written (the root's is 0).
    const depth = Math.min(
      FAIL_DEPTH_CAP,
      ((nodes[parent * NODE_STRIDE + NODE_FAIL]! >>> FAIL_DEPTH_SHIFT) & FAIL_DEPTH_CAP) + 1,
    );
    let word = f | (depth << FAIL_DEPTH_SHIFT) | (nodes[f * NODE_STRIDE + NODE_FAIL]! & FAIL_HAS_OUTPUT);
    if (g > 0) {
      word |= FAIL_HAS_OUTPUT | FAIL_TERMINAL;
      setBit(terminalBits, slot);
      groupAt[slot] = g - 1;
      terminals++;
    }
    nodes[slot * NODE_STRIDE + NODE_FAIL] = word;
  }
  // Terminal slots in ascending order: walk the bitmap word by word.
  const terminalOrder = new Int32Array(terminals);
  let t = 0;
  for (let w = 0; w < terminalBits.length; w++) {
    let bits = terminalBits[w]!;
    while (bits !== 0) {
      const low = bits & -bits;
      const slot = (w << 5) + (31 - Math.clz32(low));
      terminalOrder[t++] = groupAt[slot]!;
      bits ^= low;
    }
  }
  return { terminalBits, terminalOrder };
}
