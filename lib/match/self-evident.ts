/**
 * Self-evident contextual aliases, decided once at compile time.
 *
 * A contextual alias normally counts only where its entity, or the entity's parent, is named
 * in full elsewhere in the document. Some aliases carry that full name inside themselves:
 * "the high-level debate of the General Assembly" (an alias of one session's debate) names
 * the General Assembly, its parent. Such an alias needs no other mention, and it competes
 * with full names in the selection, so the longer event phrase wins over the embedded
 * "General Assembly" instead of losing to it.
 *
 * "Contains a full name" means: the scan would accept that full name at that place if the
 * alias text were a page (word boundaries, Arabic proclitics, acronym case), so the same
 * verification code runs here on the alias text. The answer is stored as variant flags
 * (V_NAMES_ENTITY, V_NAMES_PARENT); the scan itself only tests a bit.
 */
import { isWordUnit } from '../text/char-class';
import { normalize, originalSpan } from '../text/normalize';
import { groupCount, variantStart } from './derived';
import { RUN_AT_BOUNDARY } from './proclitics';
import { G_START_BOUNDARY, V_CONTEXTUAL, V_NAMES_ENTITY, V_NAMES_PARENT, type Matcher } from './types';
import { ALL_LANGS } from '../lang/runs';
import { createVerifyScratch, precedingRunClass, validVariants, type VerifyScratch } from './verify';
import { nextPow2 } from './bit-rank';

/** Reusable state of one compile-time pass. */
interface Probe {
  m: Matcher;
  groupText: (g: number) => string;
  scratch: VerifyScratch;
  into: Int32Array;
}

/** Whether `text`, scanned as a page, holds a valid full-name variant of `entity` in one of `groups`. */
function holdsFullName(probe: Probe, text: string, groups: readonly number[] | undefined, entity: number): boolean {
  if (!groups) return false;
  const { m, groupText, scratch, into } = probe;
  const { text: norm, map } = normalize(text);
  const units = new Uint16Array(nextPow2(norm.length + 1));
  for (let k = 0; k < norm.length; k++) units[k] = norm.charCodeAt(k);
  const mask = units.length - 1;
  for (const g of groups) {
    const pattern = groupText(g);
    const endsInWord = isWordUnit(pattern.charCodeAt(pattern.length - 1));
    for (let s = norm.indexOf(pattern); s >= 0; s = norm.indexOf(pattern, s + 1)) {
      const e = s + pattern.length;
      // The same boundary rules as the scan loop: no end inside a word, no start inside one.
      if (endsInWord && e < norm.length && isWordUnit(norm.charCodeAt(e))) continue;
      let run = RUN_AT_BOUNDARY;
      if ((m.groupFlags[g]! & G_START_BOUNDARY) !== 0) {
        run = precedingRunClass(units, mask, s, 0, m.groupFlags[g]!, scratch);
        if (run === 0) continue;
      }
      const [oStart, oEnd] = originalSpan(text, map, s, e);
      const count = validVariants(m, g, text, oStart, oEnd, run, scratch, into, ALL_LANGS);
      for (let k = 0; k < count; k++) {
        const v = into[k]!;
        if (m.variantEntity[v] === entity && (m.variantFlags[v]! & V_CONTEXTUAL) === 0) return true;
      }
    }
  }
  return false;
}

/**
 * Sets V_NAMES_ENTITY / V_NAMES_PARENT on the contextual variants of a freshly compiled
 * matcher. `groupText(g)` is the normalized text of group g; `variantSource` maps each
 * contextual variant to its alias as written.
 */
export function markSelfEvidentAliases(
  m: Matcher,
  groupText: (g: number) => string,
  variantSource: ReadonlyMap<number, string>,
): void {
  const { variantEntity, variantFlags } = m;
  const parent = m.entities.parent;
  // Only the entities of contextual aliases and their parents need their full names listed.
  const wanted = new Set<number>();
  for (let v = 0; v < variantFlags.length; v++) {
    if ((variantFlags[v]! & V_CONTEXTUAL) === 0) continue;
    const e = variantEntity[v]!;
    wanted.add(e);
    if (parent[e]! >= 0) wanted.add(parent[e]!);
  }
  if (wanted.size === 0) return;
  const fullGroups = new Map<number, number[]>();
  let most = 1;
  for (let g = 0; g < groupCount(m); g++) {
    const end = variantStart(m, g + 1);
    most = Math.max(most, end - variantStart(m, g));
    for (let v = variantStart(m, g); v < end; v++) {
      const e = variantEntity[v]!;
      if ((variantFlags[v]! & V_CONTEXTUAL) !== 0 || !wanted.has(e)) continue;
      const list = fullGroups.get(e);
      if (!list) fullGroups.set(e, [g]);
      else if (list[list.length - 1] !== g) list.push(g);
    }
  }
  const probe: Probe = { m, groupText, scratch: createVerifyScratch(m.maxPatternLength), into: new Int32Array(most) };
  for (const [v, source] of variantSource) {
    if ((variantFlags[v]! & V_CONTEXTUAL) === 0) continue;
    const e = variantEntity[v]!;
    const p = parent[e]!;
    let bits = 0;
    if (holdsFullName(probe, source, fullGroups.get(e), e)) bits |= V_NAMES_ENTITY;
    if (p >= 0 && holdsFullName(probe, source, fullGroups.get(p), p)) bits |= V_NAMES_PARENT;
    variantFlags[v] = variantFlags[v]! | bits;
  }
}
