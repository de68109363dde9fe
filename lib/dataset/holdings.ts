/**
 * Office holdings across the dataset: checks that each person's holdings are sane and that no
 * office has two holders at once, and derives each office's holders (for its card) from the
 * persons' holdings, which are the one source of truth.
 */
import type { Entity } from './schema';
import type { Problem } from './conventions';

export interface Holder {
  person: string;
  from?: string;
  to?: string;
}

/** Compares partial ISO dates by their common precision ("2017" ~ "2017-01-01"). */
function before(a: string, b: string): boolean {
  const n = Math.min(a.length, b.length);
  return a.slice(0, n) < b.slice(0, n);
}

/** [from, to) spans overlap when each starts before the other ends (a shared boundary date is a hand-over). */
function overlaps(a: { from?: string; to?: string }, b: { from?: string; to?: string }): boolean {
  const aEndsBeforeB = a.to !== undefined && b.from !== undefined && !before(b.from, a.to);
  const bEndsBeforeA = b.to !== undefined && a.from !== undefined && !before(a.from, b.to);
  return !aEndsBeforeB && !bEndsBeforeA;
}

/** The holders of every office, from the persons' holdings, current first then latest first. */
export function holdersByOffice(entities: Entity[]): Map<string, Holder[]> {
  const out = new Map<string, Holder[]>();
  for (const e of entities) {
    if (e.kind !== 'person') continue;
    for (const o of e.facts.offices ?? []) {
      if (!o.office) continue;
      const list = out.get(o.office) ?? [];
      list.push({ person: e.id, ...(o.from ? { from: o.from } : {}), ...(o.to ? { to: o.to } : {}) });
      out.set(o.office, list);
    }
  }
  for (const list of out.values())
    list.sort(
      (a, b) =>
        (a.to === undefined ? -1 : 0) - (b.to === undefined ? -1 : 0) || (b.from ?? '').localeCompare(a.from ?? ''),
    );
  return out;
}

/** The dataset as shipped: each office with its holders. */
export function withHolders(entities: Entity[]): Entity[] {
  const holders = holdersByOffice(entities);
  return entities.map((e) =>
    e.kind === 'office' && holders.has(e.id) ? { ...e, facts: { ...e.facts, holders: holders.get(e.id) } } : e,
  );
}

export function checkHoldings(entities: Entity[]): Problem[] {
  const problems: Problem[] = [];
  const kindOf = new Map(entities.map((e) => [e.id, e.kind]));
  for (const e of entities) {
    if (e.facts.holders)
      problems.push({
        id: e.id,
        field: 'facts.holders',
        message:
          "holders are derived from the persons' holdings at build time; write the holding on the person instead",
      });
    const holdings = e.facts.offices ?? [];
    if (e.kind === 'person' && !holdings.some((o) => o.from)) {
      problems.push({
        id: e.id,
        field: 'facts.offices',
        message: 'a person needs at least one office holding with a start date ("from")',
      });
    }
    holdings.forEach((o, i) => {
      const field = `facts.offices[${i}]`;
      if (o.from && o.to && before(o.to, o.from))
        problems.push({ id: e.id, field, message: `ends (${o.to}) before it starts (${o.from})` });
      if (o.office && kindOf.get(o.office) !== undefined && kindOf.get(o.office) !== 'office') {
        problems.push({
          id: e.id,
          field: `${field}.office`,
          message: `"${o.office}" is a ${kindOf.get(o.office)}, not an office`,
        });
      }
      for (let j = 0; j < i; j++) {
        const other = holdings[j]!;
        if (o.office && other.office === o.office && overlaps(o, other)) {
          problems.push({
            id: e.id,
            field,
            message: `overlaps facts.offices[${j}], a holding of the same office (${o.office})`,
          });
        }
      }
    });
  }
  for (const [office, holders] of holdersByOffice(entities)) {
    const current = holders.filter((h) => h.to === undefined);
    if (current.length > 1) {
      problems.push({
        id: office,
        field: 'holders',
        message: `two current holders (no "to"): ${current.map((h) => h.person).join(', ')}; end the earlier holding`,
      });
    }
  }
  return problems;
}
