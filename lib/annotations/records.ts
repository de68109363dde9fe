/**
 * The limits and small helpers of the library's records, free of zod: the content script uses
 * them on every page, and model.ts builds its schemas from the same limits.
 */
export const LIMITS = {
  url: 2048,
  title: 2000,
  note: 10_000,
  exact: 5_000,
  /** Our own selectors keep 32 characters each side; other tools may keep a little more. */
  context: 256,
  tags: 50,
  tag: 100,
  entitiesPerPage: 5_000,
  /** A BCP 47 language tag. */
  langTag: 35,
} as const;

/** A BCP 47 language tag ("en", "zh-Hans"), at most LIMITS.langTag characters. */
export const LANG_TAG = /^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$/;

/** Whether a page's lang attribute can be recorded as it is ("" when it cannot). */
export function isLangTag(tag: string): boolean {
  return tag === '' || (tag.length <= LIMITS.langTag && LANG_TAG.test(tag));
}

/**
 * The entities a saved page records: at most LIMITS.entitiesPerPage, the most mentioned. A page
 * with more (a directory, a dump of names, a big pack) was refused whole, so it could not be saved.
 */
export function savedEntities(counts: readonly { id: string; count: number }[]): { id: string; count: number }[] {
  return [...counts]
    .sort((a, b) => b.count - a.count || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .slice(0, LIMITS.entitiesPerPage)
    .map(({ id, count }) => ({ id, count }));
}

/** A fresh annotation id (crypto.randomUUID exists in extension pages, content scripts and Node 20). */
export function newAnnotationId(): string {
  return `urn:uuid:${crypto.randomUUID()}`;
}
