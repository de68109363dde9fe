/**
 * Compiles entities into a Matcher: pattern texts are normalized with the same function the
 * scan uses, grouped by normalized text (one automaton output per group), and each group keeps
 * its variants (entity + how to check case and proclitics). Runs at data-build time.
 */
import type { Entity, Kind } from '../dataset/schema';
import { isArabicLetter, isWordUnit } from '../text/char-class';
import { normalize } from '../text/normalize';
import { buildAutomaton } from './automaton-build';
import { withDerivedArrays } from './derived';
import { entityPatterns } from './patterns';
import { startsWithArticle } from './proclitics';
import { markSelfEvidentAliases } from './self-evident';
import {
  G_ARABIC_START,
  G_END_BOUNDARY,
  G_START_BOUNDARY,
  G_PLAIN,
  G_STARTS_WITH_AL,
  MATCHER_FORMAT_VERSION,
  V_CAPITALS,
  V_CASE_EXACT,
  V_CONTEXTUAL,
  V_NEEDS_LI,
  V_SELF_EVIDENT,
  type EntityTable,
  type Matcher,
  type PatternSpec,
  type UintArray,
} from './types';

/** Longer normalized patterns are skipped (names are at most 300 characters in the schema). */
export const MAX_PATTERN_LENGTH = 600;
/** "Ongoing" end year for an office without `to`. */
const OPEN_END_YEAR = 9999;

/** The narrowest unsigned typed array for these values: most tables fit in 16 bits. */
export function narrowUint(values: ArrayLike<number>): UintArray {
  let max = 0;
  for (let k = 0; k < values.length; k++) if (values[k]! > max) max = values[k]!;
  return max <= 0xffff ? Uint16Array.from(values) : Uint32Array.from(values);
}

function year(date: string | undefined): number | null {
  if (!date) return null;
  const y = Number.parseInt(date.slice(0, 4), 10);
  return Number.isFinite(y) ? y : null;
}

/** The facts the ranking uses, in typed arrays: links to other entities and dated year spans. */
export function buildEntityTable(entities: Entity[]): EntityTable {
  const indexOf = new Map(entities.map((e, k) => [e.id, k]));
  const parent = new Int32Array(entities.length).fill(-1);
  const linkStart: number[] = [0];
  const links: number[] = [];
  const yearStart: number[] = [0];
  const years: number[] = [];
  entities.forEach((e, k) => {
    const f = e.facts ?? {};
    parent[k] = f.parent ? (indexOf.get(f.parent) ?? -1) : -1;
    const linked = new Set<number>();
    const ids = [...(e.related ?? []), f.parent, f.location, ...(f.participants ?? []), ...(f.offices ?? []).map((o) => o.organization)];
    for (const id of ids) {
      const j = id ? indexOf.get(id) : undefined;
      if (j !== undefined && j !== k) linked.add(j);
    }
    links.push(...[...linked].sort((a, b) => a - b));
    linkStart.push(links.length);
    const spans: Array<[number | null, number | null]> = [
      [year(f.founded), year(f.dissolved) ?? year(f.founded)],
      [year(f.start), year(f.end) ?? year(f.start)],
      ...(f.offices ?? []).map((o): [number | null, number | null] => [year(o.from) ?? year(o.to), o.to ? year(o.to) : o.from ? OPEN_END_YEAR : null]),
    ];
    for (const [from, to] of spans) if (from !== null && to !== null) years.push(from, Math.max(from, to));
    yearStart.push(years.length / 2);
  });
  return {
    ids: entities.map((e) => e.id),
    kinds: entities.map((e) => e.kind),
    parent,
    linkStart: narrowUint(linkStart),
    links: narrowUint(links),
    yearStart: narrowUint(yearStart),
    years: Uint16Array.from(years),
  };
}

function trimSpaces(text: string): [number, number] {
  let s = 0;
  let e = text.length;
  while (s < e && text.charCodeAt(s) === 0x20) s++;
  while (e > s && text.charCodeAt(e - 1) === 0x20) e--;
  return [s, e];
}

function groupFlagsOf(norm: string): number {
  const first = norm.charCodeAt(0);
  const last = norm.charCodeAt(norm.length - 1);
  let flags = 0;
  if (isWordUnit(first)) flags |= G_START_BOUNDARY;
  if (isWordUnit(last)) flags |= G_END_BOUNDARY;
  if (isArabicLetter(first)) flags |= G_ARABIC_START;
  if (startsWithArticle(norm)) flags |= G_STARTS_WITH_AL;
  return flags;
}

interface VariantDraft {
  entity: number;
  flags: number;
  cased: string;
  /** The alias as written, kept for contextual variants (see self-evident.ts). */
  source: string | undefined;
}

/** Compiles pattern specs against an entity table (the low-level entry, used by tests too). */
export function compilePatterns(specs: PatternSpec[], entities: EntityTable): Matcher {
  const groupOf = new Map<string, number>();
  const groupTexts: string[] = [];
  const drafts: VariantDraft[][] = [];
  const seen = new Set<string>();
  for (const spec of specs) {
    // The self-evidence bits are the compiler's own conclusion, never taken from the input.
    const flags = spec.flags & ~V_SELF_EVIDENT;
    const folded = normalize(spec.text).text;
    const [s, e] = trimSpaces(folded);
    if (e - s === 0 || e - s > MAX_PATTERN_LENGTH) continue;
    const norm = folded.slice(s, e);
    const needsCase = (flags & (V_CASE_EXACT | V_CAPITALS)) !== 0;
    const cased = needsCase ? normalize(spec.text, { keepCase: true }).text.slice(s, e) : '';
    const key = `${norm}\u0000${spec.entity}\u0000${flags}\u0000${cased}`;
    if (seen.has(key)) continue;
    seen.add(key);
    let g = groupOf.get(norm);
    if (g === undefined) {
      g = groupTexts.length;
      groupOf.set(norm, g);
      groupTexts.push(norm);
      drafts.push([]);
    }
    const source = (flags & V_CONTEXTUAL) !== 0 ? spec.text : undefined;
    drafts[g]!.push({ entity: spec.entity, flags, cased, source });
  }
  // Groups are renumbered in the slot order of their terminal states (see automaton-build.ts).
  const automaton = buildAutomaton(groupTexts);
  const order = automaton.terminalOrder;
  const texts = Array.from(order, (old) => groupTexts[old]!);
  const groupCount = texts.length;
  const groupFlags = new Uint8Array(groupCount);
  const lengths: number[] = [];
  const extra: number[] = [];
  const variantEntity: number[] = [];
  const variantFlags: number[] = [];
  const variantSource: Array<string | undefined> = [];
  const casedParts: string[] = [];
  let maxPatternLength = 0;
  for (let g = 0; g < groupCount; g++) {
    const norm = texts[g]!;
    const group = drafts[order[g]!]!;
    lengths.push(norm.length);
    extra.push(variantEntity.length - g);
    // G_PLAIN: some full-name variant needs no check at all, so the scan can skip verifying.
    const plain = group.some((d) => (d.flags & (V_CASE_EXACT | V_CAPITALS | V_NEEDS_LI | V_CONTEXTUAL)) === 0);
    groupFlags[g] = groupFlagsOf(norm) | (plain ? G_PLAIN : 0);
    maxPatternLength = Math.max(maxPatternLength, norm.length);
    for (const d of group) {
      variantEntity.push(d.entity);
      variantFlags.push(d.flags);
      variantSource.push(d.source);
      casedParts.push(d.cased);
    }
  }
  extra.push(variantEntity.length - groupCount);
  const joined = casedParts.join('');
  const casedUnits = new Uint16Array(joined.length);
  for (let k = 0; k < joined.length; k++) casedUnits[k] = joined.charCodeAt(k);
  const matcher = withDerivedArrays({
    version: MATCHER_FORMAT_VERSION,
    maxPatternLength,
    alphabet: automaton.alphabet,
    nodes: automaton.nodes,
    terminalBits: automaton.terminalBits,
    groupLength: maxPatternLength <= 0xff ? Uint8Array.from(lengths) : Uint16Array.from(lengths),
    groupFlags,
    groupVariantExtra: narrowUint(extra),
    variantEntity: narrowUint(variantEntity),
    variantFlags: Uint8Array.from(variantFlags),
    casedUnits,
    entities,
  });
  markSelfEvidentAliases(matcher, texts, variantSource);
  return matcher;
}

/** Compiles every name, short name and alias of every entity in all six languages. */
export function compileMatcher(entities: Entity[]): Matcher {
  const specs: PatternSpec[] = [];
  entities.forEach((e, k) => {
    for (const spec of entityPatterns(e, k)) specs.push(spec);
  });
  return compilePatterns(specs, buildEntityTable(entities));
}

/** Kind of an entity by index (a helper for the mention builder). */
export function kindOf(m: Matcher, entity: number): Kind {
  return m.entities.kinds[entity] ?? 'organization';
}
