/**
 * Mentions over a whole document, scanned in one piece or slice by slice.
 *
 * Contextual aliases ("Mr. Ban", "the Alliance") count only where their entity, or its
 * parent, is named in full somewhere in the document, before or after: a headline often
 * says "Ban hails ..." above "Secretary-General Ban Ki-moon". So a contextual mention whose
 * entity is not named yet waits (pending) and is released as soon as a later slice names it.
 */
import { rankCandidates, DocumentEvidence } from './rank';
import { scanText } from './scan';
import { V_CONTEXTUAL, type Matcher, type Mention } from './types';

export interface DocumentScan {
  /**
   * Scans one slice whose first character is at document offset `offsetBase` (mention
   * offsets include it). Returns the mentions confirmed now: full names, and contextual
   * aliases whose entity is already named in this or an earlier slice.
   */
  add(text: string, offsetBase?: number): Mention[];
  /** Contextual mentions from earlier slices that later slices confirmed, since the last call. */
  pendingResolved(): Mention[];
  /** Every confirmed mention so far, in document order, ranked with the whole document's evidence. */
  results(): Mention[];
}

interface Found {
  start: number;
  end: number;
  text: string;
  /** Entities named here by a full (non-contextual) name. */
  full: readonly number[];
  /** Entities named here only by a contextual alias. */
  ctx: readonly number[];
  mention: Mention | null;
  /** Number of slices added when the mention was ranked (re-rank only if more came later). */
  rankedAt: number;
}

const EMPTY: readonly number[] = Object.freeze([]);

const CONTEXTUAL = V_CONTEXTUAL;

/** Entities of the valid variants, split into full-name and contextual-only lists. */
function splitVariants(
  m: Matcher,
  variants: Int32Array,
  count: number,
  singleton: (e: number) => readonly number[],
): [readonly number[], readonly number[]] {
  if (count === 1) {
    const v = variants[0]!;
    const list = singleton(m.variantEntity[v]!);
    return (m.variantFlags[v]! & CONTEXTUAL) === 0 ? [list, EMPTY] : [EMPTY, list];
  }
  const full: number[] = [];
  const ctx: number[] = [];
  for (let k = 0; k < count; k++) {
    const v = variants[k]!;
    const ent = m.variantEntity[v]!;
    if ((m.variantFlags[v]! & CONTEXTUAL) === 0) {
      if (!full.includes(ent)) full.push(ent);
    } else if (!ctx.includes(ent)) ctx.push(ent);
  }
  const ctxOnly = ctx.filter((x) => !full.includes(x));
  const asList = (a: number[]): readonly number[] => (a.length === 0 ? EMPTY : a.length === 1 ? singleton(a[0]!) : a);
  return [asList(full), asList(ctxOnly)];
}

export function createDocumentScan(m: Matcher): DocumentScan {
  const ev = new DocumentEvidence(m);
  const ids = m.entities.ids;
  const found: Found[] = [];
  const pendingBy = new Map<number, Found[]>();
  let resolved: Mention[] = [];
  const single = new Map<number, readonly number[]>();
  const singleton = (e: number): readonly number[] => {
    let a = single.get(e);
    if (!a) {
      a = Object.freeze([e]);
      single.set(e, a);
    }
    return a;
  };

  const idLists = new Map<number, string[]>();
  let slices = 0;
  const build = (f: Found): Mention => {
    f.rankedAt = slices;
    let ranked: readonly number[];
    if (f.full.length === 1 && f.ctx.length === 0) {
      ranked = f.full; // the common case: one entity, nothing to rank
    } else {
      const ctxOk = f.ctx.filter((e) => ev.isNamedOrParentNamed(e));
      ranked = rankCandidates(ev, f.full, ctxOk, f.start, f.end);
    }
    const best = ranked[0]!;
    let candidates: string[];
    if (ranked.length === 1) {
      // One shared (frozen) list per entity: pages can have many thousands of mentions.
      candidates = idLists.get(best) ?? (Object.freeze([ids[best]!]) as string[]);
      idLists.set(best, candidates);
    } else {
      candidates = ranked.map((e) => ids[e]!);
    }
    return {
      start: f.start,
      end: f.end,
      text: f.text,
      id: ids[best]!,
      kind: m.entities.kinds[best]!,
      candidates,
      contextual: f.full.length === 0,
    };
  };

  const wait = (f: Found): void => {
    const keys = new Set<number>();
    for (const e of f.ctx) {
      keys.add(e);
      const p = m.entities.parent[e]!;
      if (p >= 0) keys.add(p);
    }
    for (const k of keys) {
      const list = pendingBy.get(k);
      if (list) list.push(f);
      else pendingBy.set(k, [f]);
    }
  };

  const add = (text: string, offsetBase = 0): Mention[] => {
    slices++;
    const slice: Found[] = [];
    scanText(m, text, (s, e, _g, variants, count) => {
      const [full, ctx] = splitVariants(m, variants, count, singleton);
      slice.push({ start: offsetBase + s, end: offsetBase + e, text: text.slice(s, e), full, ctx, mention: null, rankedAt: 0 });
    });
    ev.addYears(text, offsetBase);
    const newlyNamed: number[] = [];
    for (const f of slice) {
      if (f.full.length === 0) continue;
      for (const e of f.full) if (!ev.isNamed(e)) newlyNamed.push(e);
      ev.addFull(f.full, f.start);
    }
    const out: Mention[] = [];
    for (const f of slice) {
      found.push(f);
      if (f.full.length > 0 || f.ctx.some((e) => ev.isNamedOrParentNamed(e))) {
        f.mention = build(f);
        out.push(f.mention);
      } else {
        wait(f);
      }
    }
    for (const e of newlyNamed) {
      const list = pendingBy.get(e);
      if (!list) continue;
      pendingBy.delete(e);
      for (const f of list) {
        if (f.mention) continue;
        f.mention = build(f);
        resolved.push(f.mention);
      }
    }
    return out;
  };

  const pendingResolved = (): Mention[] => {
    const r = resolved;
    resolved = [];
    return r.sort((a, b) => a.start - b.start);
  };

  const results = (): Mention[] => {
    const out: Mention[] = [];
    for (const f of found) {
      if (!f.mention) continue;
      // Evidence from later slices can change the ranking of ambiguous mentions only.
      if (f.full.length + f.ctx.length > 1 && f.rankedAt < slices) f.mention = build(f);
      out.push(f.mention);
    }
    for (let k = 1; k < out.length; k++) {
      if (out[k]!.start < out[k - 1]!.start) return out.sort((a, b) => a.start - b.start || a.end - b.end);
    }
    return out;
  };

  return { add, pendingResolved, results };
}

/** All mentions in one whole text (a page, an article): the incremental scan in one slice. */
export function findMentions(m: Matcher, text: string): Mention[] {
  const scan = createDocumentScan(m);
  scan.add(text, 0);
  return scan.results();
}
