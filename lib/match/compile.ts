/**
 * Compiles entities into a Matcher: pattern texts are normalized with the same function the
 * scan uses, grouped by normalized text (one automaton output per group), and each group keeps
 * its variants (entity + how to check case and proclitics). Runs at data-build time.
 */
import type { Entity, Kind } from '../dataset/schema';
import { isArabicLetter, isWordUnit } from '../text/char-class';
import { buildAutomaton } from './automaton-build';
import { withDerivedArrays } from './derived';
import { ALL_LANGS } from '../lang/runs';
import { PatternGroups } from './pattern-groups';
import { entityPatterns } from './patterns';
import { markSelfEvidentAliases } from './self-evident';
import {
  G_ARABIC_START,
  G_END_BOUNDARY,
  G_START_BOUNDARY,
  G_STARTS_WITH_AL,
  MATCHER_FORMAT_VERSION,
  V_CAPITALS,
  V_CASE_EXACT,
  V_CONTEXTUAL,
  V_NEEDS_LI,
  V_INITIAL_CAPITAL,
  V_COMMON_WORD,
  type EntityTable,
  type Matcher,
  type PatternSpec,
  type UintArray,
} from './types';

export { MAX_PATTERN_LENGTH } from './pattern-groups';
/** "Ongoing" end year for an office without `to`. */
const OPEN_END_YEAR = 9999;

/** The narrowest unsigned typed array for these values: most tables fit in 16 bits. */
export function narrowUint(values: ArrayLike<number>): UintArray {
  let max = 0;
  for (let k = 0; k < values.length; k++) if (values[k]! > max) max = values[k]!;
  if (values instanceof Uint32Array) return max <= 0xffff ? new Uint16Array(values) : values.slice();
  return max <= 0xffff ? Uint16Array.from(values) : Uint32Array.from(values);
}

function year(date: string | undefined): number | null {
  if (!date) return null;
  // Four digits (the usual case) read directly; anything else as parseInt reads it.
  if (date.length >= 4) {
    const a = date.charCodeAt(0) - 48;
    const b = date.charCodeAt(1) - 48;
    const c = date.charCodeAt(2) - 48;
    const d = date.charCodeAt(3) - 48;
    if ((a | b | c | d) >= 0 && a <= 9 && b <= 9 && c <= 9 && d <= 9) return a * 1000 + b * 100 + c * 10 + d;
  }
  const y = Number.parseInt(date.slice(0, 4), 10);
  return Number.isFinite(y) ? y : null;
}

/** Appends a year span when both ends are known (to no earlier than from). */
function pushSpan(years: number[], from: number | null, to: number | null): void {
  if (from !== null && to !== null) years.push(from, Math.max(from, to));
}

/** The facts the ranking uses, in typed arrays: links to other entities and dated year spans. */
export function buildEntityTable(entities: Entity[]): EntityTable {
  const n = entities.length;
  const indexOf = new Map<string, number>();
  for (let k = 0; k < n; k++) indexOf.set(entities[k]!.id, k);
  const parent = new Int32Array(n).fill(-1);
  const linkStart: number[] = [0];
  const links: number[] = [];
  const yearStart: number[] = [0];
  const years: number[] = [];
  const found: number[] = [];
  const ids: string[] = new Array<string>(n);
  const kinds: Kind[] = new Array<Kind>(n);
  const note = (id: string | undefined, k: number): void => {
    const j = id ? indexOf.get(id) : undefined;
    if (j !== undefined && j !== k) found.push(j);
  };
  for (let k = 0; k < n; k++) {
    const e = entities[k]!;
    ids[k] = e.id;
    kinds[k] = e.kind;
    const f = e.facts ?? {};
    parent[k] = f.parent ? (indexOf.get(f.parent) ?? -1) : -1;
    // Linked entities: related, parent, location, participants, offices' organizations; distinct, ascending.
    found.length = 0;
    if (e.related) for (const id of e.related) note(id, k);
    note(f.parent, k);
    note(f.location, k);
    if (f.participants) for (const id of f.participants) note(id, k);
    if (f.offices) for (const o of f.offices) note(o.organization, k);
    if (found.length > 1) found.sort((a, b) => a - b);
    for (let i = 0; i < found.length; i++) if (i === 0 || found[i] !== found[i - 1]) links.push(found[i]!);
    linkStart.push(links.length);
    const founded = year(f.founded);
    pushSpan(years, founded, year(f.dissolved) ?? founded);
    const start = year(f.start);
    pushSpan(years, start, year(f.end) ?? start);
    if (f.offices)
      for (const o of f.offices)
        pushSpan(years, year(o.from) ?? year(o.to), o.to ? year(o.to) : o.from ? OPEN_END_YEAR : null);
    yearStart.push(years.length / 2);
  }
  // Offices' holders, from the persons' holdings (a title resolves to a holder the text names).
  const holdersOf: number[][] = Array.from({ length: n }, () => []);
  for (let k = 0; k < n; k++) {
    for (const o of entities[k]!.facts?.offices ?? []) {
      const j = o.office ? indexOf.get(o.office) : undefined;
      if (j !== undefined && kinds[j] === 'office' && !holdersOf[j]!.includes(k)) holdersOf[j]!.push(k);
    }
  }
  const holderStart: number[] = [0];
  const holders: number[] = [];
  for (const list of holdersOf) {
    holders.push(...list);
    holderStart.push(holders.length);
  }
  return {
    ids,
    kinds,
    parent,
    holderStart: narrowUint(holderStart),
    holders: narrowUint(holders),
    linkStart: narrowUint(linkStart),
    links: narrowUint(links),
    yearStart: narrowUint(yearStart),
    years: Uint16Array.from(years),
  };
}

function groupFlagsOf(units: Uint16Array, s: number, n: number): number {
  const first = units[s]!;
  const last = units[s + n - 1]!;
  let flags = 0;
  if (isWordUnit(first)) flags |= G_START_BOUNDARY;
  if (isWordUnit(last)) flags |= G_END_BOUNDARY;
  if (isArabicLetter(first)) flags |= G_ARABIC_START;
  if (n > 2 && first === ALIF && units[s + 1] === LAM) flags |= G_STARTS_WITH_AL; // startsWithArticle
  return flags;
}

/** Variant flags that make a variant need a check (groupPlainLangs counts variants with none of them). */
const CHECKED = V_CASE_EXACT | V_CAPITALS | V_NEEDS_LI | V_CONTEXTUAL | V_INITIAL_CAPITAL | V_COMMON_WORD;

/** Builds the automaton and the group and variant tables from collected groups. */
function finishMatcher(pg: PatternGroups, entities: EntityTable): Matcher {
  // Groups are renumbered in the slot order of their terminal states (see automaton-build.ts).
  const automaton = buildAutomaton(pg);
  const order = automaton.terminalOrder;
  const groupCount = order.length;
  const variantCount = pg.variants;
  const groupFlags = new Uint8Array(groupCount);
  const lengths = new Uint16Array(groupCount);
  const extra = new Uint32Array(groupCount + 1);
  const variantEntity = new Uint32Array(variantCount);
  const variantFlags = new Uint8Array(variantCount);
  const variantLangs = new Uint8Array(variantCount);
  const groupPlainLangs = new Uint8Array(groupCount);
  const variantSource = new Map<number, string>();
  const casedUnits = new Uint16Array(pg.casedUsed);
  let maxPatternLength = 0;
  let at = 0;
  let c = 0;
  for (let g = 0; g < groupCount; g++) {
    const old = order[g]!;
    const n = pg.length[old]!;
    lengths[g] = n;
    extra[g] = at - g;
    // Languages in which some full-name variant needs no check at all, so the scan can skip verifying.
    let plain = 0;
    if (n > maxPatternLength) maxPatternLength = n;
    for (let v = pg.head[old]!; v !== -1; v = pg.next[v]!) {
      const flags = pg.flags[v]!;
      if ((flags & CHECKED) === 0) plain |= pg.langs[v]!;
      variantEntity[at] = pg.entity[v]!;
      variantFlags[at] = flags;
      variantLangs[at] = pg.langs[v]!;
      const source = pg.source.get(v);
      if (source !== undefined) variantSource.set(at, source);
      const cs = pg.casedAt[v]!;
      if (cs >= 0) {
        casedUnits.set(pg.casedUnits.subarray(cs, cs + n), c);
        c += n;
      }
      at++;
    }
    groupFlags[g] = groupFlagsOf(pg.units, pg.start[old]!, n);
    groupPlainLangs[g] = plain;
  }
  extra[groupCount] = at - groupCount;
  const matcher = withDerivedArrays({
    version: MATCHER_FORMAT_VERSION,
    maxPatternLength,
    alphabet: automaton.alphabet,
    nodes: automaton.nodes,
    terminalBits: automaton.terminalBits,
    groupLength: maxPatternLength <= 0xff ? Uint8Array.from(lengths) : lengths,
    groupFlags,
    groupVariantExtra: narrowUint(extra),
    variantEntity: narrowUint(variantEntity),
    variantFlags,
    variantLangs,
    groupPlainLangs,
    casedUnits,
    entities,
  });
  markSelfEvidentAliases(matcher, (g) => pg.text(order[g]!), variantSource);
  return matcher;
}

/** Compiles pattern specs against an entity table (the low-level entry, used by tests too). */
export function compilePatterns(specs: PatternSpec[], entities: EntityTable): Matcher {
  const pg = new PatternGroups();
  for (const spec of specs) pg.add(spec.text, spec.entity, spec.flags, spec.langs ?? ALL_LANGS);
  return finishMatcher(pg, entities);
}

/** Compiles every name, short name and alias of every entity in all six languages. */
export function compileMatcher(entities: Entity[]): Matcher {
  // Specs go straight into the groups, entity by entity, so none outlives its entity's turn.
  const pg = new PatternGroups();
  entities.forEach((e, k) => {
    for (const spec of entityPatterns(e, k)) pg.add(spec.text, spec.entity, spec.flags, spec.langs ?? ALL_LANGS);
  });
  return finishMatcher(pg, buildEntityTable(entities));
}

const ALIF = 0x0627;
const LAM = 0x0644;

/** Kind of an entity by index (a helper for the mention builder). */
export function kindOf(m: Matcher, entity: number): Kind {
  return m.entities.kinds[entity] ?? 'organization';
}
