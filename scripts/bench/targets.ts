/**
 * The pages the matching bench reads: the largest saved pages of the shared corpus, chosen
 * by file size when the bench runs (the corpus may change; names are not hard-coded), plus
 * the generated dense page.
 */
import { statSync } from 'node:fs';
import { relative } from 'node:path';
import { CORPUS_PAGES, corpusPagePaths } from '../../tests/support/static-server';

export interface Target {
  /** Short name for the tables. */
  name: string;
  /** Path on the static server. */
  path: string;
  fileBytes: number;
}

/** "readability/yahoo-2.html" → "yahoo-2"; "www.reddit.com--image.html" → "reddit". */
function shortName(rel: string): string {
  const base = rel
    .split('/')
    .pop()!
    .replace(/\.html$/, '');
  const site = /^www\.([^.]+)\./.exec(base);
  return site ? site[1]! : base;
}

export function largestCorpusPages(count: number): Target[] {
  return corpusPagePaths()
    .map((path) => ({ path, fileBytes: statSync(path).size }))
    .sort((a, b) => b.fileBytes - a.fileBytes || (a.path < b.path ? -1 : 1))
    .slice(0, count)
    .map(({ path, fileBytes }) => {
      const rel = relative(CORPUS_PAGES, path).split('\\').join('/');
      return { name: shortName(rel), path: `/corpus/${rel}`, fileBytes };
    });
}
