/**
 * The dataset's vocabulary: its languages and its kinds of entity (the id and date formats are
 * schemas, in formats.ts).
 * Apart from lib/dataset/schema.ts (the whole entity schema), and free of zod, so the content
 * script can use them without carrying zod or building that schema on every page load.
 */
export const LANGS = ['en', 'fr', 'es', 'ru', 'zh', 'ar'] as const;
export type Lang = (typeof LANGS)[number];

export const KINDS = ['organization', 'person', 'event', 'place', 'office'] as const;
export type Kind = (typeof KINDS)[number];
