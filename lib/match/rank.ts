/**
 * Evidence gathered over a whole document, and the ranking of a mention's candidates.
 *
 * A name shared by several entities keeps all of them; the best guess is the candidate with
 * the most support in the same document:
 *  - full mentions: named elsewhere by a full name, then how many of its links (related,
 *    parent, participants, offices, location) are named, plus how many years written within
 *    ±300 characters fall in its dated facts (founded–dissolved, start–end, offices);
 *  - contextual mentions: the candidate (or parent) with the nearest preceding full mention
 *    first (then the nearest following one), then the same score.
 * Remaining ties go to the smaller id, so the result never depends on input order.
 *
 * Dense pages rank hundreds of thousands of mentions, so nothing here allocates per
 * mention: candidates are sorted in place in a caller's Int32Array, keys live in scratch
 * arrays, and positions of full mentions are kept (sorted) only for the entities a
 * contextual mention can ask about.
 */
import { V_CONTEXTUAL, type Matcher } from './types';

/** Years are read as 4-digit numbers 1600–2199 not glued to other digits. */
const YEAR = /(?<![0-9])(1[6-9][0-9]{2}|2[01][0-9]{2})(?![0-9])/g;
export const YEAR_WINDOW = 300;
/** Added to the distance of a following full mention, so any preceding one ranks first. */
const FOLLOWING = 1e12;

/**
 * A place linked to more entities than this is a hub (a region, a host city of everything):
 * naming it says nothing about which of its neighbours a text means.
 */
const HUB_LINKS = 40;

/** CSR lists: entity e's are list[start[e] .. start[e + 1]). */
export interface EntityLists {
  start: Int32Array;
  list: Int32Array;
}

function toCsr(lists: number[][]): EntityLists {
  const start = new Int32Array(lists.length + 1);
  for (let e = 0; e < lists.length; e++) start[e + 1] = start[e]! + lists[e]!.length;
  const list = new Int32Array(start[lists.length]!);
  for (let e = 0; e < lists.length; e++) list.set(lists[e]!, start[e]!);
  return { start, list };
}

const confirmersByMatcher = new WeakMap<Matcher, EntityLists>();

/**
 * Per matcher, for each entity: the other entities whose full mention confirms its contextual
 * aliases. Its parent ("the Department" once the department is named); for a person, the
 * offices it holds ("the WHO chief ... Tedros"); for a place, its neighbours, linked either way
 * (its capital, its cities, the missions and events located there, the country it is in),
 * hubs left out (Arabic مالي is Mali where Bamako is named, not "financial").
 */
export function confirmersOf(m: Matcher): EntityLists {
  let table = confirmersByMatcher.get(m);
  if (!table) {
    const t = m.entities;
    const n = t.ids.length;
    const lists: number[][] = Array.from({ length: n }, (_, e) => (t.parent[e]! >= 0 ? [t.parent[e]!] : []));
    for (let o = 0; o < n; o++)
      for (let k = t.holderStart[o]!; k < t.holderStart[o + 1]!; k++) lists[t.holders[k]!]!.push(o);
    const inbound = new Int32Array(n);
    for (let k = 0; k < t.links.length; k++) inbound[t.links[k]!]!++;
    const hub = (x: number) => inbound[x]! + t.linkStart[x + 1]! - t.linkStart[x]! > HUB_LINKS;
    for (let e = 0; e < n; e++) {
      for (let k = t.linkStart[e]!; k < t.linkStart[e + 1]!; k++) {
        const x = t.links[k]!;
        if (t.kinds[e] === 'place' && !hub(x)) lists[e]!.push(x);
        if (t.kinds[x] === 'place' && !hub(e)) lists[x]!.push(e);
      }
    }
    table = toCsr(lists);
    confirmersByMatcher.set(m, table);
  }
  return table;
}

/** Per matcher: entities whose full-mention positions matter (those with contextual aliases, and their parents). */
const trackedByMatcher = new WeakMap<Matcher, Uint8Array>();

function trackedEntities(m: Matcher): Uint8Array {
  let tracked = trackedByMatcher.get(m);
  if (!tracked) {
    tracked = new Uint8Array(m.entities.ids.length);
    for (let v = 0; v < m.variantFlags.length; v++) {
      if ((m.variantFlags[v]! & V_CONTEXTUAL) === 0) continue;
      const e = m.variantEntity[v]!;
      tracked[e] = 1;
      const p = m.entities.parent[e]!;
      if (p >= 0) tracked[p] = 1;
    }
    // Holders of offices: a title asks how near each named holder is.
    const t = m.entities;
    for (let k = 0; k < t.holders.length; k++) tracked[t.holders[k]!] = 1;
    trackedByMatcher.set(m, tracked);
  }
  return tracked;
}

/** Index of the first element >= x in the sorted list. */
function lowerBound(list: number[], x: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Positions per entity (and years) a live scan keeps at most; see forgetOldest. */
const MAX_POSITIONS = 8_192;

export class DocumentEvidence {
  /** How many full mentions list each entity as a candidate. */
  readonly namedCount: Int32Array;
  /** How many contextual mentions ("Tedros", "Mr. Ban") list each entity as a candidate. */
  private readonly contextualCount: Int32Array;
  private readonly tracked: Uint8Array;
  /** Start offsets of the full mentions of tracked entities; sorted unless `unsorted[e]`. */
  private readonly positions = new Map<number, number[]>();
  private readonly unsorted: Uint8Array;
  private yearPos: number[] = [];
  private yearVal: number[] = [];
  private yearsSorted = true;
  private readonly anyDates: boolean;
  /** The distinct years near the mention being ranked (see collectYears). */
  private near = new Int32Array(16);
  private nearCount = 0;
  // Sort keys of the candidates being ranked, by position in the candidate array.
  private named = new Int32Array(16);
  private score = new Int32Array(16);
  private distance = new Float64Array(16);

  /** Who confirms each entity's contextual aliases (confirmersOf). */
  readonly confirmers: EntityLists;

  constructor(readonly m: Matcher) {
    const n = m.entities.ids.length;
    this.namedCount = new Int32Array(n);
    this.contextualCount = new Int32Array(n);
    this.unsorted = new Uint8Array(n);
    this.tracked = trackedEntities(m);
    this.anyDates = m.entities.years.length > 0;
    this.confirmers = confirmersOf(m);
  }

  /** Records a full mention of entity e at document offset `start`. Returns true if e was not named before. */
  addFull(e: number, start: number): boolean {
    const first = this.namedCount[e]! === 0;
    this.namedCount[e]!++;
    if (this.tracked[e] !== 0) {
      const list = this.positions.get(e);
      if (!list) this.positions.set(e, [start]);
      else {
        if (start < list[list.length - 1]!) this.unsorted[e] = 1; // a slice added out of order
        list.push(start);
      }
    }
    return first;
  }

  /** Records a contextual mention of entity e (confirmed or not yet). */
  addContextual(e: number): void {
    this.contextualCount[e]!++;
  }

  /** Records the years written in a slice that starts at document offset `base`. */
  addYears(text: string, base: number): void {
    if (!this.anyDates) return; // no entity has dated facts: years can never score
    YEAR.lastIndex = 0;
    for (let r = YEAR.exec(text); r !== null; r = YEAR.exec(text)) {
      const pos = base + r.index;
      if (this.yearPos.length > 0 && pos < this.yearPos[this.yearPos.length - 1]!) this.yearsSorted = false;
      this.yearPos.push(pos);
      this.yearVal.push(Number(r[1]));
    }
  }

  isNamed(e: number): boolean {
    return this.namedCount[e]! > 0;
  }

  /**
   * Named by a full name, itself or through one of its confirmers (its parent, an office it
   * holds, a neighbouring place: confirmersOf): what a contextual alias needs.
   */
  isNamedOrParentNamed(e: number): boolean {
    if (this.namedCount[e]! > 0) return true;
    const { start, list } = this.confirmers;
    for (let k = start[e]!; k < start[e + 1]!; k++) if (this.namedCount[list[k]!]! > 0) return true;
    return false;
  }

  /** Distance from `at` to the nearest full mention of x: preceding ones first, then following ones. */
  private distanceTo(x: number, at: number): number {
    const list = this.positions.get(x);
    if (!list) return Number.MAX_SAFE_INTEGER;
    if (this.unsorted[x] !== 0) {
      list.sort((a, b) => a - b);
      this.unsorted[x] = 0;
    }
    const k = lowerBound(list, at + 1); // first position after `at`
    if (k > 0) return at - list[k - 1]!;
    return k < list.length ? FOLLOWING + (list[k]! - at) : Number.MAX_SAFE_INTEGER;
  }

  /** Distance to the nearest full mention of e (or its parent); following ones rank after preceding ones. */
  proximity(e: number, at: number): number {
    const own = this.distanceTo(e, at);
    const p = this.m.entities.parent[e]!;
    if (p < 0) return own;
    return Math.min(own, this.distanceTo(p, at));
  }

  /**
   * Offices, not guesses: the holder of `office` that the document names in full, nearest to
   * `at` (preceding ones first), or -1 when it names none ("Secretary-General" → Ban Ki-moon
   * where the text names him; the office itself where it names no holder). Measured on the
   * judged set, bounding the distance to the holder's name (60, 200 characters) only lost.
   */
  namedHolder(office: number, at: number): number {
    const t = this.m.entities;
    let best = -1;
    let bestDistance = Number.MAX_SAFE_INTEGER;
    for (let k = t.holderStart[office]!; k < t.holderStart[office + 1]!; k++) {
      const h = t.holders[k]!;
      // A holder named only by a contextual alias ("Tedros", confirmed by this very office) ranks
      // after every holder named in full.
      if (this.namedCount[h]! === 0 && this.contextualCount[h]! === 0) continue;
      const d = this.namedCount[h]! > 0 ? this.distanceTo(h, at) : Number.MAX_SAFE_INTEGER - 1;
      if (d < bestDistance || (d === bestDistance && best >= 0 && t.ids[h]! < t.ids[best]!)) {
        best = h;
        bestDistance = d;
      }
    }
    return best;
  }

  /**
   * For a live page's scan (createLiveDocumentScan): keeps only the newest positions of each
   * entity and the newest years once there are more than MAX_POSITIONS. Offsets grow in scan
   * order, so the smallest are the oldest: text read long ago, most often gone from the page.
   * Counts (namedCount) are kept: a page that named an entity once still named it.
   */
  forgetOldest(): void {
    for (const [e, list] of this.positions) {
      if (list.length <= MAX_POSITIONS) continue;
      if (this.unsorted[e] !== 0) {
        list.sort((a, b) => a - b);
        this.unsorted[e] = 0;
      }
      list.splice(0, list.length - MAX_POSITIONS / 2);
    }
    if (this.yearPos.length > MAX_POSITIONS) {
      this.sortYears();
      this.yearPos.splice(0, this.yearPos.length - MAX_POSITIONS / 2);
      this.yearVal.splice(0, this.yearVal.length - MAX_POSITIONS / 2);
    }
  }

  private sortYears(): void {
    if (this.yearsSorted) return;
    const order = this.yearPos.map((_, k) => k).sort((a, b) => this.yearPos[a]! - this.yearPos[b]!);
    this.yearPos = order.map((k) => this.yearPos[k]!);
    this.yearVal = order.map((k) => this.yearVal[k]!);
    this.yearsSorted = true;
  }

  /** Collects the distinct years written within YEAR_WINDOW characters of [start, end) into `near`. */
  private collectYears(start: number, end: number): void {
    this.sortYears();
    const pos = this.yearPos;
    let lo = 0;
    let hi = pos.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (pos[mid]! < start - YEAR_WINDOW) lo = mid + 1;
      else hi = mid;
    }
    this.nearCount = 0;
    for (let k = lo; k < pos.length && pos[k]! <= end + YEAR_WINDOW; k++) {
      const y = this.yearVal[k]!;
      let seen = false;
      for (let j = 0; j < this.nearCount && !seen; j++) seen = this.near[j] === y;
      if (seen) continue;
      if (this.nearCount === this.near.length) this.near = grow(this.near, this.nearCount + 1);
      this.near[this.nearCount++] = y;
    }
  }

  /** Links named in the document (not counting the mention's own full candidates) plus near years in its dated facts. */
  private scoreOf(e: number, cand: Int32Array, fullCount: number): number {
    const t = this.m.entities;
    let s = 0;
    for (let k = t.linkStart[e]!; k < t.linkStart[e + 1]!; k++) {
      const l = t.links[k]!;
      if (this.namedCount[l]! - (indexIn(cand, fullCount, l) >= 0 ? 1 : 0) > 0) s++;
    }
    const from = t.yearStart[e]!;
    const to = t.yearStart[e + 1]!;
    if (from === to) return s;
    for (let j = 0; j < this.nearCount; j++) {
      const y = this.near[j]!;
      for (let k = from; k < to; k++) {
        if (y >= t.years[2 * k]! && y <= t.years[2 * k + 1]!) {
          s++;
          break;
        }
      }
    }
    return s;
  }

  /**
   * Ranks the candidates cand[0, count) of one mention in place, best first. The first
   * `fullCount` were named by a full name here; the rest are contextual candidates already
   * known to be confirmed.
   */
  rank(cand: Int32Array, count: number, fullCount: number, start: number, end: number): void {
    if (count <= 1) return;
    const t = this.m.entities;
    if (count > this.named.length) {
      this.named = grow(this.named, count);
      this.score = grow(this.score, count);
      this.distance = new Float64Array(this.named.length);
    }
    let dated = false;
    for (let k = 0; k < count && !dated; k++) dated = t.yearStart[cand[k]! + 1]! > t.yearStart[cand[k]!]!;
    this.nearCount = 0;
    if (dated) this.collectYears(start, end);
    const contextualOnly = fullCount === 0;
    for (let k = 0; k < count; k++) {
      const e = cand[k]!;
      const own = k < fullCount;
      this.named[k] = this.namedCount[e]! - (own ? 1 : 0) > 0 || (!own && this.isNamedOrParentNamed(e)) ? 1 : 0;
      this.distance[k] = contextualOnly ? this.proximity(e, start) : 0;
      this.score[k] = this.scoreOf(e, cand, fullCount);
    }
    // Insertion sort: a handful of candidates, keys moved along with them.
    for (let i = 1; i < count; i++) {
      const e = cand[i]!;
      const named = this.named[i]!;
      const score = this.score[i]!;
      const distance = this.distance[i]!;
      let j = i - 1;
      while (j >= 0 && this.before(cand, e, named, score, distance, j, contextualOnly)) {
        cand[j + 1] = cand[j]!;
        this.named[j + 1] = this.named[j]!;
        this.score[j + 1] = this.score[j]!;
        this.distance[j + 1] = this.distance[j]!;
        j--;
      }
      cand[j + 1] = e;
      this.named[j + 1] = named;
      this.score[j + 1] = score;
      this.distance[j + 1] = distance;
    }
  }

  /** Whether candidate e (with these keys) ranks before the candidate at position j. */
  private before(
    cand: Int32Array,
    e: number,
    named: number,
    score: number,
    distance: number,
    j: number,
    contextualOnly: boolean,
  ): boolean {
    if (contextualOnly) {
      if (distance !== this.distance[j]) return distance < this.distance[j]!;
    } else if (named !== this.named[j]) {
      return named > this.named[j]!;
    }
    if (score !== this.score[j]) return score > this.score[j]!;
    const ids = this.m.entities.ids;
    return ids[e]! < ids[cand[j]!]!;
  }
}

function indexIn(list: Int32Array, count: number, x: number): number {
  for (let k = 0; k < count; k++) if (list[k] === x) return k;
  return -1;
}

/** A copy of `a` with room for at least `need` elements. */
export function grow<T extends Int32Array | Float64Array>(a: T, need: number): T {
  let size = Math.max(16, a.length * 2);
  while (size < need) size *= 2;
  const b = new (a.constructor as new (n: number) => T)(size);
  b.set(a);
  return b;
}
