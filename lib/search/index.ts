/** Popup search over every name and alias of every entity in the six languages (issue 6). */
export {
  buildSearchData,
  FUSE_OPTIONS,
  SEARCH_DATA_VERSION,
  type SearchData,
  type SearchEntity,
  type SearchRecord,
} from './data';
export { foldForSearch, prepareQuery, scriptRuns, MAX_PATTERN } from './fold';
export { loadSearcher, type Searcher, type SearchHit, type RankedRecord } from './searcher';
export { createPlainSearcher, type PlainSearcher } from './plain';
