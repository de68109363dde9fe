/**
 * The document scan's held mentions (several candidates, or contextual: see document-scan.ts),
 * one entry per mention in growable typed arrays rather than one object each: dense pages have
 * hundreds of thousands of them, and later slices may re-rank them.
 */
import { grow } from './rank';

const MIN_SIZE = 64;

export class HeldMentions {
  /** Entries in use, h = 0 .. count - 1. */
  count = 0;
  /** Document span of the mention. */
  start = new Int32Array(MIN_SIZE);
  end = new Int32Array(MIN_SIZE);
  /** Its index in the scan's item list. */
  item = new Int32Array(MIN_SIZE);
  /** Its entities: ents[from, from + full + ctx), full-name candidates first, then contextual-only ones. */
  from = new Int32Array(MIN_SIZE);
  full = new Int32Array(MIN_SIZE);
  ctx = new Int32Array(MIN_SIZE);
  /** Slices seen when it was last ranked. */
  rankedAt = new Int32Array(MIN_SIZE);
  readonly text: string[] = [];

  /** Makes room for one more entry and returns its index. */
  add(): number {
    const h = this.count++;
    if (h === this.start.length) {
      const need = this.count;
      this.start = grow(this.start, need);
      this.end = grow(this.end, need);
      this.item = grow(this.item, need);
      this.from = grow(this.from, need);
      this.full = grow(this.full, need);
      this.ctx = grow(this.ctx, need);
      this.rankedAt = grow(this.rankedAt, need);
    }
    return h;
  }

  /**
   * Keeps the newest `max` entries that `keep` accepts, moved to the front in order, each with
   * its entities moved likewise in `ents` and its item index set to its new index (the scan's
   * item list then holds only them). Returns each old entry's new index (-1: dropped), how many
   * were kept and where their entities end in `ents`.
   */
  keepOnly(
    keep: (h: number) => boolean,
    max: number,
    ents: Int32Array,
  ): { newIndex: Int32Array; kept: number; entCount: number } {
    let accepted = 0;
    for (let h = 0; h < this.count; h++) if (keep(h)) accepted++;
    let skip = Math.max(0, accepted - max);
    const newIndex = new Int32Array(this.count).fill(-1);
    let w = 0;
    let entW = 0;
    for (let h = 0; h < this.count; h++) {
      if (!keep(h)) continue;
      if (skip > 0) {
        skip--;
        continue;
      }
      // w <= h and entW <= from[h]: every copy moves left, over entries already read.
      const n = this.full[h]! + this.ctx[h]!;
      ents.copyWithin(entW, this.from[h]!, this.from[h]! + n);
      this.start[w] = this.start[h]!;
      this.end[w] = this.end[h]!;
      this.full[w] = this.full[h]!;
      this.ctx[w] = this.ctx[h]!;
      this.rankedAt[w] = this.rankedAt[h]!;
      this.text[w] = this.text[h]!;
      this.item[w] = w;
      this.from[w] = entW;
      newIndex[h] = w++;
      entW += n;
    }
    this.count = w;
    this.text.length = w;
    return { newIndex, kept: w, entCount: entW };
  }
}
