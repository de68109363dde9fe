/**
 * "Bring your own dataset" (issue 8), the browser-free core: the pack format, its validator and
 * the Wikidata import (the generated packs of tests and the bench are in scripts/bench/). No
 * storage: the background worker stores what these return (format: data/PACKS.md).
 *
 *   parsePack(text, { bundledIds, override }) → { ok, pack, conflicts, needsConfirmation, stats }
 *                                             | { ok: false, problems, problemCount, conflicts }
 *   fromWikidata(text, { defaultKind, … })   → the same, plus notes on what was left out
 *   dropEntities(pack, ids)                   → the pack without some ids ("skip conflicts")
 *   matcherEntities(pack.entities)            → entities for compileMatcher (lib/match)
 *   displayEntity(entity, fallbackLangs)      → an entity for entityView (every language filled)
 */
export {
  PACK_FORMAT,
  PACK_VERSION,
  PACK_LIMITS,
  packSchema,
  packEntitySchema,
  packLocalizedSchema,
  languagesOf,
  matcherEntities,
  displayEntity,
  type Pack,
  type PackInput,
  type PackEntity,
  type PackEntityInput,
  type PackLocalized,
} from './format';
export {
  parsePack,
  validatePack,
  dropEntities,
  packStats,
  type PackResult,
  type PackProblem,
  type PackConflict,
  type PackStats,
  type ParsePackOptions,
} from './validate';
export {
  fromWikidata,
  wikidataDate,
  WIKIDATA_LANGS,
  type WikidataOptions,
  type WikidataNote,
  type WikidataResult,
} from './wikidata';
export { WIKIDATA_KINDS, kindOfClasses } from './wikidata-kinds';
