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
 */
import type { Matcher } from './types';

/** Years are read as 4-digit numbers 1600–2199 not glued to other digits. */
const YEAR = /(?<![0-9])(1[6-9][0-9]{2}|2[01][0-9]{2})(?![0-9])/g;
export const YEAR_WINDOW = 300;

export class DocumentEvidence {
  /** How many full mentions list each entity as a candidate. */
  readonly namedCount: Int32Array;
  /** Start offsets of the full mentions of each entity, in the order they were added. */
  private readonly fullAt = new Map<number, number[]>();
  private yearPos: number[] = [];
  private yearVal: number[] = [];
  private yearsSorted = true;

  constructor(readonly m: Matcher) {
    this.namedCount = new Int32Array(m.entities.ids.length);
  }

  /** Records a full mention of these entities at document offset `start`. */
  addFull(entities: readonly number[], start: number): void {
    for (let k = 0; k < entities.length; k++) {
      const e = entities[k]!;
      this.namedCount[e]!++;
      const list = this.fullAt.get(e);
      if (list) list.push(start);
      else this.fullAt.set(e, [start]);
    }
  }

  /** Records the years written in a slice that starts at document offset `base`. */
  addYears(text: string, base: number): void {
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

  /** Named by a full name, itself or through its parent: what a contextual alias needs. */
  isNamedOrParentNamed(e: number): boolean {
    if (this.isNamed(e)) return true;
    const p = this.m.entities.parent[e]!;
    return p >= 0 && this.isNamed(p);
  }

  /** Distance to the nearest full mention of e (or its parent); following ones rank after preceding ones. */
  proximity(e: number, at: number): number {
    let best = Number.MAX_SAFE_INTEGER;
    const consider = (x: number): void => {
      for (const pos of this.fullAt.get(x) ?? []) {
        const d = pos <= at ? at - pos : 1e12 + (pos - at);
        if (d < best) best = d;
      }
    };
    consider(e);
    const p = this.m.entities.parent[e]!;
    if (p >= 0) consider(p);
    return best;
  }

  private sortYears(): void {
    if (this.yearsSorted) return;
    const order = this.yearPos.map((_, k) => k).sort((a, b) => this.yearPos[a]! - this.yearPos[b]!);
    this.yearPos = order.map((k) => this.yearPos[k]!);
    this.yearVal = order.map((k) => this.yearVal[k]!);
    this.yearsSorted = true;
  }

  /** The distinct years written within YEAR_WINDOW characters of [start, end). */
  yearsNear(start: number, end: number): number[] {
    this.sortYears();
    const pos = this.yearPos;
    let lo = 0;
    let hi = pos.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (pos[mid]! < start - YEAR_WINDOW) lo = mid + 1;
      else hi = mid;
    }
    const out = new Set<number>();
    for (let k = lo; k < pos.length && pos[k]! <= end + YEAR_WINDOW; k++) out.add(this.yearVal[k]!);
    return [...out];
  }

  /** Links named in the document (not counting this mention's own full candidates) plus near years in its dated facts. */
  score(e: number, ownFull: readonly number[], years: number[]): number {
    const t = this.m.entities;
    let s = 0;
    for (let k = t.linkStart[e]!; k < t.linkStart[e + 1]!; k++) {
      const l = t.links[k]!;
      if (this.namedCount[l]! - (ownFull.includes(l) ? 1 : 0) > 0) s++;
    }
    for (const y of years) {
      for (let k = t.yearStart[e]!; k < t.yearStart[e + 1]!; k++) {
        if (y >= t.years[2 * k]! && y <= t.years[2 * k + 1]!) {
          s++;
          break;
        }
      }
    }
    return s;
  }
}

/**
 * Ranks candidates of one mention. `full` are candidates from full names, `ctx` contextual
 * candidates already known to be confirmed. Returns entity indices, best first.
 */
export function rankCandidates(ev: DocumentEvidence, full: readonly number[], ctx: readonly number[], start: number, end: number): number[] {
  const all = [...new Set([...full, ...ctx])];
  if (all.length <= 1) return all;
  const ids = ev.m.entities.ids;
  const t = ev.m.entities;
  const dated = all.some((e) => t.yearStart[e + 1]! > t.yearStart[e]!);
  const years = dated ? ev.yearsNear(start, end) : [];
  const contextualOnly = full.length === 0;
  const keyed = all.map((e) => ({
    e,
    named: ev.namedCount[e]! - (full.includes(e) ? 1 : 0) > 0 || (!full.includes(e) && ev.isNamedOrParentNamed(e)) ? 1 : 0,
    near: contextualOnly ? ev.proximity(e, start) : 0,
    score: ev.score(e, full, years),
  }));
  keyed.sort((a, b) => {
    if (contextualOnly) {
      if (a.near !== b.near) return a.near - b.near;
    } else if (a.named !== b.named) {
      return b.named - a.named;
    }
    if (a.score !== b.score) return b.score - a.score;
    const ia = ids[a.e]!;
    const ib = ids[b.e]!;
    return ia < ib ? -1 : ia > ib ? 1 : 0;
  });
  return keyed.map((k) => k.e);
}
