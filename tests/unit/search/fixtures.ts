/** Shared inputs of the search tests: the real dataset (as data:build reads it) and a generated pack. */
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseEntityFile } from '../../../lib/dataset/parse';
import type { Entity } from '../../../lib/dataset/schema';
import { buildSearchData, loadSearcher, type SearchData, type Searcher } from '../../../lib/search';
import { listJsonFiles } from '../../../scripts/list-files';
import { pseudoEntities } from '../../../scripts/bench/search-set';

const ROOT = join(import.meta.dirname, '../../..');

let real: Entity[] | undefined;
export function realEntities(): Entity[] {
  if (!real) {
    real = listJsonFiles(join(ROOT, 'data/entities'))
      .map((path) => parseEntityFile(relative(ROOT, path), readFileSync(path, 'utf8')).entity)
      .filter((e): e is Entity => e !== undefined)
      .sort((a, b) => (a.id < b.id ? -1 : 1));
  }
  return real;
}

let realData: { data: SearchData; searcher: Searcher } | undefined;
/** The real dataset's search data, round-tripped through JSON as the popup gets it. */
export function realSearch(): { data: SearchData; searcher: Searcher } {
  if (!realData) {
    const data = JSON.parse(JSON.stringify(buildSearchData(realEntities()))) as SearchData;
    realData = { data, searcher: loadSearcher(data) };
  }
  return realData;
}

/** Real entities plus `count` pseudo-entities in the six languages. */
export function generatedData(count: number): SearchData {
  return buildSearchData([...realEntities(), ...pseudoEntities(realEntities(), count)]);
}
