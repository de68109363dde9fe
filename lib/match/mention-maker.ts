/**
 * Makes the document scan's Mention objects (document-scan.ts): at once for a name with one
 * full-name candidate, or after ranking for a held mention (several candidates, or contextual)
 * with the document's evidence so far.
 *
 * Pages can have many thousands of mentions of the same few entities, so a single-candidate
 * list is one shared frozen array per entity and matcher, and re-ranking a held mention keeps
 * its previous Mention when the ranking did not change.
 */
import { DocumentEvidence, grow } from './rank';
import type { HeldMentions } from './held-mentions';
import type { Matcher, Mention } from './types';

const MIN_SIZE = 64;

const singleListsByMatcher = new WeakMap<Matcher, Array<string[] | undefined>>();

function singleCandidateLists(m: Matcher): Array<string[] | undefined> {
  let lists = singleListsByMatcher.get(m);
  if (!lists) {
    // Filled with undefined (not left holey), so entity-indexed reads stay fast.
    lists = new Array<string[] | undefined>(m.entities.ids.length).fill(undefined);
    singleListsByMatcher.set(m, lists);
  }
  return lists;
}

export class MentionMaker {
  private readonly ids: string[];
  private readonly singleIds: Array<string[] | undefined>;
  /** Candidates of the held mention being ranked, in place. */
  private cand = new Int32Array(MIN_SIZE);

  constructor(
    private readonly m: Matcher,
    private readonly ev: DocumentEvidence,
  ) {
    this.ids = m.entities.ids;
    this.singleIds = singleCandidateLists(m);
  }

  /** A mention of entity `e` alone, named in full. */
  named(start: number, end: number, text: string, e: number): Mention {
    return this.mention(start, end, text, e, this.single(e), false);
  }

  /** An office with holders in the dataset: its mentions wait for the slice's end to see them named. */
  hasHolders(e: number): boolean {
    const t = this.m.entities;
    return t.holderStart[e + 1]! > t.holderStart[e]!;
  }

  /**
   * Ranks held mention h (its entities in ents) with the evidence so far and makes its Mention.
   * When re-ranking, `previous` is kept if the ranking did not change: most of the time it does
   * not, and a dense page would otherwise rebuild hundreds of thousands of identical mentions.
   */
  held(held: HeldMentions, h: number, ents: Int32Array, previous: Mention | null): Mention {
    const from = held.from[h]!;
    const full = held.full[h]!;
    const total = full + held.ctx[h]!;
    if (total > this.cand.length) this.cand = grow(this.cand, total);
    let count = 0;
    for (let k = from; k < from + total; k++) {
      const e = ents[k]!;
      if (k < from + full || this.ev.isNamedOrParentNamed(e)) this.cand[count++] = e;
    }
    const start = held.start[h]!;
    const end = held.end[h]!;
    this.ev.rank(this.cand, count, full, start, end);
    // A title names the holder the document names, if any (offices, not guesses).
    const holder = count > 0 && this.hasHolders(this.cand[0]!) ? this.ev.namedHolder(this.cand[0]!, start) : -1;
    if (holder >= 0) {
      const candidates = [this.ids[holder]!];
      for (let k = 0; k < count; k++) candidates.push(this.ids[this.cand[k]!]!);
      if (
        previous !== null &&
        previous.candidates.length === candidates.length &&
        previous.candidates.every((id, k) => id === candidates[k])
      )
        return previous;
      return this.mention(start, end, held.text[h]!, holder, candidates, full === 0);
    }
    if (previous !== null && previous.id === this.ids[this.cand[0]!] && this.sameCandidates(previous.candidates, count))
      return previous;
    const best = this.cand[0]!;
    let candidates: string[];
    if (count === 1) candidates = this.single(best);
    else {
      candidates = new Array<string>(count);
      for (let k = 0; k < count; k++) candidates[k] = this.ids[this.cand[k]!]!;
    }
    return this.mention(start, end, held.text[h]!, best, candidates, full === 0);
  }

  /** Whether `list` holds the ids of cand[0, count), in order. */
  private sameCandidates(list: readonly string[], count: number): boolean {
    if (list.length !== count) return false;
    for (let k = 0; k < count; k++) if (list[k] !== this.ids[this.cand[k]!]) return false;
    return true;
  }

  private mention(
    start: number,
    end: number,
    text: string,
    best: number,
    candidates: string[],
    contextual: boolean,
  ): Mention {
    return { start, end, text, id: this.ids[best]!, kind: this.m.entities.kinds[best]!, candidates, contextual };
  }

  private single(e: number): string[] {
    let list = this.singleIds[e];
    if (!list) {
      list = Object.freeze([this.ids[e]!]) as string[];
      this.singleIds[e] = list;
    }
    return list;
  }
}
