/**
 * Whether two lists of a page's annotations show the same thing: the same ids, each with the
 * same passage (selector) and the same note and tags. Order and bookkeeping fields (created,
 * modified) do not count. A tab told that the library changed uses it to skip re-placing its
 * notes when nothing on its page changed (a save in another tab, or its own save).
 */
import type { Annotation } from './model';

/** Objects with their keys sorted: a record that went through a schema may list them in another order. */
const sortedKeys = (_key: string, value: unknown) =>
  value && typeof value === 'object' && !Array.isArray(value)
    ? Object.fromEntries(Object.entries(value).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)))
    : value;

const shown = (a: Annotation) => JSON.stringify([a.target.selector, a.body.note, a.body.tags], sortedKeys);

export function sameNotesShown(a: readonly Annotation[], b: readonly Annotation[]): boolean {
  if (a.length !== b.length) return false;
  const byId = new Map(a.map((x) => [x.id, shown(x)]));
  return byId.size === a.length && b.every((y) => byId.get(y.id) === shown(y));
}
