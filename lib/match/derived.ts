/**
 * Arrays of a Matcher that are not stored in the serialized form but rebuilt from the
 * others, by the compiler and by loadMatcher alike: a lookup table and rank indexes that
 * are cheaper to recompute (linear, well under a millisecond for 100k aliases, apart from
 * the 64K alphabet table) than to ship.
 */
import { alphaIndexFromAlphabet } from './automaton-build';
import { createBits, popcount32, rankCounts, setBit } from './bit-rank';
import { V_CAPITALS, V_CASE_EXACT, type Matcher } from './types';

export type DerivedField = 'alphaIndex' | 'terminalRank' | 'casedBits' | 'casedRank' | 'casedStart';
export type StoredMatcher = Omit<Matcher, DerivedField>;

const CASE_CHECKED = V_CASE_EXACT | V_CAPITALS;

/** First variant of group g; group g's variants are [variantStart(m, g), variantStart(m, g + 1)). */
export function variantStart(m: Pick<Matcher, 'groupVariantExtra'>, g: number): number {
  return g + m.groupVariantExtra[g]!;
}

/** Number of pattern groups. */
export function groupCount(m: Pick<Matcher, 'groupFlags'>): number {
  return m.groupFlags.length;
}

/** Adds the derived arrays; throws if the stored arrays disagree with each other. */
export function withDerivedArrays(stored: StoredMatcher): Matcher {
  const groups = stored.groupFlags.length;
  const variants = stored.variantFlags.length;
  if (stored.groupLength.length !== groups || stored.groupVariantExtra.length !== groups + 1)
    throw new Error('matcher: inconsistent group tables');
  if (stored.variantLangs.length !== variants || stored.groupPlainLangs.length !== groups)
    throw new Error('matcher: inconsistent language tables');
  if (variantStart(stored, groups) !== variants || stored.variantEntity.length !== variants)
    throw new Error('matcher: inconsistent variant tables');
  const states = stored.nodes.length / 3;
  const terminalRank = rankCounts(stored.terminalBits);
  const words = stored.terminalBits.length;
  const terminals = words === 0 ? 0 : terminalRank[words - 1]! + popcount32(stored.terminalBits[words - 1]!);
  if (words !== (states + 31) >>> 5 || terminals !== groups) throw new Error('matcher: inconsistent terminal states');
  const casedBits = createBits(variants);
  const starts: number[] = [];
  let at = 0;
  for (let g = 0; g < groups; g++) {
    const end = variantStart(stored, g + 1);
    for (let v = variantStart(stored, g); v < end; v++) {
      if ((stored.variantFlags[v]! & CASE_CHECKED) === 0) continue;
      setBit(casedBits, v);
      starts.push(at);
      at += stored.groupLength[g]!;
    }
  }
  if (at !== stored.casedUnits.length) throw new Error('matcher: inconsistent case-preserving units');
  starts.push(at);
  // Every field listed in one fixed order: compiled and loaded matchers share one object
  // shape, so the scan's property reads stay monomorphic.
  return {
    version: stored.version,
    maxPatternLength: stored.maxPatternLength,
    alphabet: stored.alphabet,
    alphaIndex: alphaIndexFromAlphabet(stored.alphabet),
    nodes: stored.nodes,
    terminalBits: stored.terminalBits,
    terminalRank,
    groupLength: stored.groupLength,
    groupFlags: stored.groupFlags,
    groupVariantExtra: stored.groupVariantExtra,
    variantEntity: stored.variantEntity,
    variantFlags: stored.variantFlags,
    variantLangs: stored.variantLangs,
    groupPlainLangs: stored.groupPlainLangs,
    casedUnits: stored.casedUnits,
    casedBits,
    casedRank: rankCounts(casedBits),
    casedStart: Uint32Array.from(starts),
    entities: stored.entities,
  };
}
