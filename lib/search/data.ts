/**
 * The popup search's data, built by `npm run data:build` into public/data/search.json: one
 * record per distinct folded name of an entity (name, short name, aliases, in all six
 * languages), what the popup shows for each entity, and Fuse's serialized index over the
 * folded names, so opening the popup never re-indexes.
 */
import Fuse, { type IFuseOptions } from 'fuse.js';
import { LANGS, type Kind, type Lang } from '../dataset/basics';
import { displayNameOf } from '../entity-view';
import { foldForSearch } from './fold';

export const SEARCH_DATA_VERSION = 1;

/**
 * Fuse's options, shared by our searcher and the plain-Fuse baseline it must agree with.
 * Names and queries are folded beforehand (so case-sensitive, no diacritic stripping); a
 * match may sit anywhere in a name (ignoreLocation); at most 40% of the query's characters
 * may be edits ("Bam Ki-mun" is 3 edits from "Ban Ki-moon"). Field-length norm stays on:
 * among equally good matches, shorter names rank first.
 */
export const FUSE_OPTIONS = {
  isCaseSensitive: true,
  ignoreDiacritics: false,
  includeScore: true,
  includeMatches: false,
  shouldSort: true,
  threshold: 0.4,
  ignoreLocation: true,
  findAllMatches: false,
  minMatchCharLength: 1,
  ignoreFieldNorm: false,
  fieldNormWeight: 1,
  useExtendedSearch: false,
  useTokenSearch: false,
} as const satisfies IFuseOptions<string>;

/** What the popup lists for an entity. */
export interface SearchEntity {
  id: string;
  kind: Kind;
  /** Display name per language (displayName: short form for places). */
  names: Record<Lang, string>;
}

/** One searchable name: [entity index, language index in LANGS, the name as written]. */
export type SearchRecord = [entity: number, lang: number, text: string];

/** Fuse's index as FuseIndex.toJSON() writes it for a list of strings. */
export interface SerializedFuseIndex {
  keys: unknown[];
  records: { v: string; i: number; n: number }[];
}

export interface SearchData {
  version: typeof SEARCH_DATA_VERSION;
  entities: SearchEntity[];
  /** records[i] is the name behind the folded string at index.records[i]. */
  records: SearchRecord[];
  index: SerializedFuseIndex;
}

/**
 * What the search reads of an entity. Bundled entities have every language; a pack entity may
 * lack some, and is indexed without them (no copies to fold and drop again).
 */
export interface SearchSource {
  id: string;
  kind: Kind;
  names: Partial<Record<Lang, { name: string; short?: string; aliases?: readonly { text: string }[] }>>;
}

/** Every name of an entity, in the order name, short, aliases, language by language. */
function namesOf(e: SearchSource): { lang: Lang; text: string }[] {
  const out: { lang: Lang; text: string }[] = [];
  for (const lang of LANGS) {
    const n = e.names[lang];
    if (!n) continue;
    out.push({ lang, text: n.name });
    if (n.short) out.push({ lang, text: n.short });
    for (const a of n.aliases ?? []) out.push({ lang, text: a.text });
  }
  return out;
}

/** The name shown per language; a language the entity lacks shows its first one (as displayEntity does). */
function shownNames(e: SearchSource): Record<Lang, string> {
  const first = LANGS.map((l) => e.names[l]).find((n) => n !== undefined) ?? { name: '' };
  return Object.fromEntries(LANGS.map((l) => [l, displayNameOf(e.kind, e.names[l] ?? first)])) as Record<Lang, string>;
}

/**
 * Turns entities into search records and Fuse's index over their folded names. A folded name
 * is kept once per entity (its first language wins: "Ban Ki-moon" is en, not fr or es);
 * names that fold to nothing are skipped.
 */
export function buildSearchData(entities: readonly SearchSource[]): SearchData {
  const keys: string[] = [];
  const records: SearchRecord[] = [];
  entities.forEach((e, k) => {
    const seen = new Set<string>();
    for (const { lang, text } of namesOf(e)) {
      const key = foldForSearch(text);
      if (!key || seen.has(key)) continue;
      seen.add(key);
      keys.push(key);
      records.push([k, LANGS.indexOf(lang), text]);
    }
  });
  const index = Fuse.createIndex<string>([], keys, {
    fieldNormWeight: FUSE_OPTIONS.fieldNormWeight,
  }).toJSON() as SerializedFuseIndex;
  return {
    version: SEARCH_DATA_VERSION,
    entities: entities.map((e) => ({ id: e.id, kind: e.kind, names: shownNames(e) })),
    records,
    index,
  };
}

/** The folded names in record order (what Fuse searches), checked against the records. */
export function foldedKeys(data: SearchData): string[] {
  const { records } = data.index;
  if (records.length !== data.records.length) throw new Error('search data: index and records differ in length');
  const keys = new Array<string>(records.length);
  records.forEach((r, k) => {
    if (r.i !== k || typeof r.v !== 'string') throw new Error(`search data: index record ${k} is out of order`);
    keys[k] = r.v;
  });
  return keys;
}
