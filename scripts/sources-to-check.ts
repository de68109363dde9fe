/**
 * `npx tsx scripts/sources-to-check.ts`: rewrites data/SOURCES-TO-CHECK.md, the persons, offices
 * and events that cite no official page yet (lib/dataset/official-sources.ts). The data test
 * fails when an entry missing from the list cites none (a new entry must bring an official
 * page) or when a listed entry now cites one (the list only shrinks): run this after sourcing.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadDataset } from './load-dataset';
import type { Entity } from '../lib/dataset/schema';
import { isOfficialSource } from '../lib/dataset/official-sources';

export const SOURCES_TO_CHECK = join(import.meta.dirname, '../data/SOURCES-TO-CHECK.md');

/** kind/id of every person, office and event with no official source, sorted. */
export function unsourced(entities: Entity[]): string[] {
  return entities
    .filter(
      (e) => (e.kind === 'person' || e.kind === 'office' || e.kind === 'event') && !e.sources.some(isOfficialSource),
    )
    .map((e) => `${e.kind}/${e.id}`)
    .sort();
}

/** The entries the committed list names. */
export function listedIn(markdown: string): string[] {
  return [...markdown.matchAll(/^- `([a-z]+\/[a-z0-9-]+)`$/gm)].map((m) => m[1]!);
}

export function sourcesToCheckMarkdown(entries: string[]): string {
  return [
    '# Entries to source on an official page',
    '',
    'Issue 15 asks every person, office and event to cite at least one page of the body itself',
    "(press.un.org, un.org, a UN mission, the body's own site or a government's: the hosts are in",
    '`lib/dataset/official-sources.ts`), checked against it. These entries cite only other pages',
    '(news, reference works, reprints of official texts): their facts were checked against those,',
    'but an official page should be found and put first. A test keeps this list honest: an entry',
    'not listed here must cite an official page, and a listed one that now does must leave the',
    'list (`npx tsx scripts/sources-to-check.ts` rewrites it).',
    '',
    `${entries.length} entries:`,
    '',
    ...entries.map((e) => `- \`${e}\``),
    '',
  ].join('\n');
}

if (process.argv[1]?.endsWith('sources-to-check.ts')) {
  const entries = unsourced([...loadDataset({ fromSources: true }).byId.values()]);
  writeFileSync(SOURCES_TO_CHECK, sourcesToCheckMarkdown(entries));
  console.log(`${entries.length} entries without an official source → data/SOURCES-TO-CHECK.md`);
}
