/**
 * Mentions over a whole document, scanned in one piece or slice by slice.
 *
 * Contextual aliases ("Mr. Ban", "the Alliance") count only where their entity, or its
 * parent, is named in full somewhere in the document, before or after: a headline often
 * says "Ban hails ..." above "Secretary-General Ban Ki-moon". So a contextual mention whose
 * entity is not named yet waits (pending) and is released as soon as a later slice names it.
 *
 * Cost: most mentions have one full-name candidate; they become a Mention right in the scan
 * callback and nothing else is kept for them. The others ("held": several candidates, or
 * contextual) wait for the end of the slice, whose evidence ranks them; their facts live in
 * typed arrays (held-mentions.ts). mention-maker.ts ranks them and makes the Mention objects.
 */
import { DocumentEvidence, grow } from './rank';
import { MentionMaker } from './mention-maker';
import { scanText } from './scan';
import type { LanguageRuns } from '../lang/runs';
import { insideLongerName } from './longer-name';
import { HeldMentions } from './held-mentions';
import { PendingByEntity } from './pending-by-entity';
import { V_CONTEXTUAL, V_NAMES_ENTITY, V_NAMES_PARENT, type Matcher, type Mention } from './types';

export interface DocumentScan {
  /**
   * Scans one slice whose first character is at document offset `offsetBase` (mention
   * offsets include it). Returns the mentions confirmed now: full names, and contextual
   * aliases whose entity is already named in this or an earlier slice. `langs` (offsets in
   * `text`) scopes aliases to the language of each block; without it every alias matches.
   */
  add(text: string, offsetBase?: number, langs?: LanguageRuns | null): Mention[];
  /** Contextual mentions from earlier slices that later slices confirmed, since the last call. */
  pendingResolved(): Mention[];
  /** Every confirmed mention so far, in document order, ranked with the whole document's evidence. */
  results(): Mention[];
}

/**
 * A scan of a live page (PageScanner): mentions are handed out as they are confirmed and then
 * forgotten, so a page that rewrites itself for hours costs bounded memory. What it keeps is
 * bounded too: the MAX_PENDING newest pending mentions, and the evidence's newest positions
 * (DocumentEvidence.forgetOldest). There is no results(): nothing is re-ranked afterwards.
 */
export type LiveDocumentScan = Omit<DocumentScan, 'results'>;

/** Pending contextual mentions a live scan keeps; older ones are dropped (their text is long gone or far away). */
export const MAX_PENDING = 4_096;

const CONTEXTUAL = V_CONTEXTUAL;
const NAMES_ENTITY = V_NAMES_ENTITY;
const NAMES_PARENT = V_NAMES_PARENT;
const MIN_SIZE = 64;

class DocumentScanner implements DocumentScan {
  private readonly ev: DocumentEvidence;
  private readonly make: MentionMaker;
  private slices = 0;
  /** Mentions in scan order; null while a contextual mention is pending. */
  private items: Array<Mention | null> = [];
  /** Held mentions: several candidates, or contextual (held-mentions.ts). */
  private readonly h = new HeldMentions();
  private ents = new Int32Array(MIN_SIZE);
  private entCount = 0;
  /** Pending held mentions by the entity (or parent) whose full mention would confirm them. */
  private readonly pendingBy = new PendingByEntity();
  private newlyNamed: number[] = [];
  private resolved: Mention[] = [];
  /** Entities named inside the self-evident aliases of the current match. */
  private inside = new Int32Array(MIN_SIZE);
  /** The current slice's matches before they are kept or dropped: start, end, variant count; and their variants. */
  private spans = new Int32Array(MIN_SIZE);
  private spanVariants = new Int32Array(MIN_SIZE);

  constructor(
    private readonly m: Matcher,
    private readonly live = false,
  ) {
    this.ev = new DocumentEvidence(m);
    this.make = new MentionMaker(m, this.ev);
  }

  add(text: string, offsetBase = 0, langs: LanguageRuns | null = null): Mention[] {
    const first = this.items.length;
    this.scanSlice(text, offsetBase, langs);
    const out: Mention[] = [];
    for (let k = first; k < this.items.length; k++) {
      const it = this.items[k]!;
      if (it !== null) out.push(it);
    }
    if (this.live) this.forgetConfirmed();
    return out;
  }

  /**
   * Live mode, after a slice: keeps only the pending held mentions (the newest MAX_PENDING),
   * moved to the front of the held arrays, and bounds the evidence. Confirmed mentions were
   * handed out and are never ranked again in a live scan.
   */
  private forgetConfirmed(): void {
    const pending = (h: number) => this.items[this.h.item[h]!] === null;
    const { newIndex, kept, entCount } = this.h.keepOnly(pending, MAX_PENDING, this.ents);
    this.entCount = entCount;
    this.items = new Array<Mention | null>(kept).fill(null);
    this.pendingBy.renumber(newIndex);
    this.ev.forgetOldest();
  }

  /** Whether one of a match's variants (spanVariants[from, from + count)) names a place. */
  private namesPlace(from: number, count: number): boolean {
    const { variantEntity } = this.m;
    const kinds = this.m.entities.kinds;
    for (let k = from; k < from + count; k++) if (kinds[variantEntity[this.spanVariants[k]!]!] === 'place') return true;
    return false;
  }

  /** Scans a slice, ranks and confirms what it can; returns nothing (add() collects). */
  scanSlice(text: string, offsetBase: number, langs: LanguageRuns | null): void {
    this.slices++;
    const firstHeld = this.h.count;
    this.newlyNamed.length = 0;
    // Matches are collected first, so each can see its neighbours: a name right next to another
    // name is two names, not one longer name (longer-name.ts).
    let n = 0;
    let used = 0;
    scanText(
      this.m,
      text,
      (s, e, _g, variants, count) => {
        if (3 * (n + 1) > this.spans.length) this.spans = grow(this.spans, 3 * (n + 1));
        if (used + count > this.spanVariants.length) this.spanVariants = grow(this.spanVariants, used + count);
        this.spans[3 * n] = s;
        this.spans[3 * n + 1] = e;
        this.spans[3 * n + 2] = count;
        this.spanVariants.set(variants.subarray(0, count), used);
        used += count;
        n++;
      },
      langs,
    );
    let from = 0;
    for (let k = 0; k < n; k++) {
      const s = this.spans[3 * k]!;
      const e = this.spans[3 * k + 1]!;
      const count = this.spans[3 * k + 2]!;
      const prevEnd = k > 0 ? this.spans[3 * k - 2]! : -1;
      const nextStart = k + 1 < n ? this.spans[3 * k + 3]! : -1;
      if (!insideLongerName(text, s, e, prevEnd, nextStart, this.namesPlace(from, count)))
        this.onMatch(text, offsetBase, s, e, from, count);
      from += count;
    }
    this.ev.addYears(text, offsetBase);
    for (let h = firstHeld; h < this.h.count; h++) {
      if (this.h.full[h]! > 0 || this.anyConfirmed(h)) this.items[this.h.item[h]!] = this.rank(h, null);
      else this.wait(h);
    }
    for (const e of this.newlyNamed) {
      for (const h of this.pendingBy.take(e) ?? []) {
        if (this.items[this.h.item[h]!] !== null) continue; // confirmed through another entity
        const mention = this.rank(h, null);
        this.items[this.h.item[h]!] = mention;
        this.resolved.push(mention);
      }
    }
  }

  /** One selected match, its variants at spanVariants[at, at + count): a final mention now if it has a single full-name candidate, else held. */
  private onMatch(text: string, base: number, s: number, e: number, at: number, count: number): void {
    const m = this.m;
    const variants = this.spanVariants;
    if (
      count === 1 &&
      (m.variantFlags[variants[at]!]! & CONTEXTUAL) === 0 &&
      !this.make.hasHolders(m.variantEntity[variants[at]!]!)
    ) {
      const ent = m.variantEntity[variants[at]!]!;
      if (this.ev.addFull(ent, base + s)) this.newlyNamed.push(ent);
      this.items.push(this.make.named(base + s, base + e, text.slice(s, e), ent));
      return;
    }
    // Several variants, or a contextual one: list the distinct entities, full-name ones first.
    if (this.entCount + 2 * count > this.ents.length) this.ents = grow(this.ents, this.entCount + 2 * count);
    const from = this.entCount;
    let full = 0;
    for (let k = 0; k < count; k++) {
      const v = variants[at + k]!;
      if ((m.variantFlags[v]! & CONTEXTUAL) === 0) full = this.push(from, full, m.variantEntity[v]!);
    }
    for (let k = from; k < from + full; k++)
      if (this.ev.addFull(this.ents[k]!, base + s)) this.newlyNamed.push(this.ents[k]!);
    let all = full;
    let inside = 0;
    for (let k = 0; k < count; k++) {
      const v = variants[at + k]!;
      const flags = m.variantFlags[v]!;
      if ((flags & CONTEXTUAL) === 0) continue;
      const ent = m.variantEntity[v]!;
      all = this.push(from, all, ent);
      this.ev.addContextual(ent);
      // A self-evident alias names its entity or parent in full inside itself: that is evidence.
      if ((flags & NAMES_ENTITY) !== 0) inside = this.addInside(from, full, inside, ent);
      if ((flags & NAMES_PARENT) !== 0) inside = this.addInside(from, full, inside, m.entities.parent[ent]!);
    }
    for (let k = 0; k < inside; k++)
      if (this.ev.addFull(this.inside[k]!, base + s)) this.newlyNamed.push(this.inside[k]!);
    if (full === 1 && all === 1 && !this.make.hasHolders(this.ents[from]!)) {
      this.items.push(this.make.named(base + s, base + e, text.slice(s, e), this.ents[from]!));
      return;
    }
    this.entCount = from + all;
    const h = this.h.add();
    this.h.start[h] = base + s;
    this.h.end[h] = base + e;
    this.h.item[h] = this.items.length;
    this.h.from[h] = from;
    this.h.full[h] = full;
    this.h.ctx[h] = all - full;
    this.h.rankedAt[h] = 0;
    this.h.text.push(text.slice(s, e));
    this.items.push(null);
  }

  /** Appends entity x to the list ents[from, from + n) unless present; returns the new length. */
  private push(from: number, n: number, x: number): number {
    for (let k = from; k < from + n; k++) if (this.ents[k] === x) return n;
    this.ents[from + n] = x;
    return n + 1;
  }

  /** Adds x to this match's entities named inside a self-evident alias, unless it is a full candidate or listed. */
  private addInside(from: number, full: number, n: number, x: number): number {
    for (let k = from; k < from + full; k++) if (this.ents[k] === x) return n;
    for (let k = 0; k < n; k++) if (this.inside[k] === x) return n;
    if (n === this.inside.length) this.inside = grow(this.inside, n + 1);
    this.inside[n] = x;
    return n + 1;
  }

  private anyConfirmed(h: number): boolean {
    const from = this.h.from[h]! + this.h.full[h]!;
    for (let k = from; k < from + this.h.ctx[h]!; k++) if (this.ev.isNamedOrParentNamed(this.ents[k]!)) return true;
    return false;
  }

  /** Lists a pending mention under each entity (itself, or a confirmer) whose full mention would confirm it. */
  private wait(h: number): void {
    const from = this.h.from[h]! + this.h.full[h]!;
    for (let k = from; k < from + this.h.ctx[h]!; k++) {
      const e = this.ents[k]!;
      this.pendingBy.add(e, h);
      const { start, list } = this.ev.confirmers;
      for (let j = start[e]!; j < start[e + 1]!; j++) this.pendingBy.add(list[j]!, h);
    }
  }

  /** Ranks held mention h with the evidence so far and makes (or keeps) its Mention. */
  private rank(h: number, previous: Mention | null): Mention {
    this.h.rankedAt[h] = this.slices;
    return this.make.held(this.h, h, this.ents, previous);
  }

  pendingResolved(): Mention[] {
    const r = this.resolved;
    this.resolved = [];
    return r.sort((a, b) => a.start - b.start);
  }

  results(): Mention[] {
    return this.collect(false);
  }

  /**
   * The confirmed mentions in document order. With `handOver` (findMentions, whose scanner
   * is dropped afterwards) the internal list itself is returned when it needs no filtering
   * or sorting, sparing a copy of a possibly huge array.
   */
  collect(handOver: boolean): Mention[] {
    // Evidence from later slices can change the ranking of ambiguous mentions only.
    let pending = 0;
    for (let h = 0; h < this.h.count; h++) {
      const item = this.h.item[h]!;
      if (this.items[item] === null) pending++;
      else if (
        (this.h.full[h]! + this.h.ctx[h]! > 1 || this.make.hasHolders(this.ents[this.h.from[h]!]!)) &&
        this.h.rankedAt[h]! < this.slices
      ) {
        this.items[item] = this.rank(h, this.items[item]!);
      }
    }
    let sorted = true;
    let last = -1;
    for (const it of this.items) {
      if (it === null) continue;
      if (it.start < last) sorted = false;
      last = it.start;
    }
    if (handOver && pending === 0 && sorted) return this.items as Mention[];
    const out: Mention[] = [];
    for (const it of this.items) if (it !== null) out.push(it);
    return sorted ? out : out.sort((a, b) => a.start - b.start || a.end - b.end);
  }
}

export function createDocumentScan(m: Matcher): DocumentScan {
  return new DocumentScanner(m);
}

/** The scan of a page that lives and changes: bounded memory, no results() (see LiveDocumentScan). */
export function createLiveDocumentScan(m: Matcher): LiveDocumentScan {
  return new DocumentScanner(m, true);
}

/**
 * All mentions in one whole text (a page, an article): the incremental scan in one slice.
 * With `langs` (see languageRunsOfText), each alias matches only in text of its language.
 */
export function findMentions(m: Matcher, text: string, langs: LanguageRuns | null = null): Mention[] {
  const scan = new DocumentScanner(m);
  scan.scanSlice(text, 0, langs);
  return scan.collect(true);
}
