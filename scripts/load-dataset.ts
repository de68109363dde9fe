/** The engine and dataset the extension ships, for the CLI tools: the build's output, or compiled from the sources. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compileMatcher, loadMatcher, type Matcher } from '../lib/match';
import { parseEntityFile } from '../lib/dataset/parse';
import type { Entity } from '../lib/dataset/schema';
import { listJsonFiles } from './list-files';

const ROOT = join(import.meta.dirname, '..');

export function loadDataset(options: { fromSources?: boolean } = {}): { matcher: Matcher; byId: Map<string, Entity> } {
  const built = join(ROOT, 'public/data');
  if (!options.fromSources && existsSync(join(built, 'matcher.bin')) && existsSync(join(built, 'dataset.json'))) {
    const { entityFiles } = JSON.parse(readFileSync(join(built, 'dataset.json'), 'utf8')) as { entityFiles: string[] };
    const entities = entityFiles.flatMap((file) => JSON.parse(readFileSync(join(built, file), 'utf8')) as Entity[]);
    return {
      matcher: loadMatcher(new Uint8Array(readFileSync(join(built, 'matcher.bin')))),
      byId: new Map(entities.map((e) => [e.id, e])),
    };
  }
  // Not built yet: compile from the sources (about a second).
  const entities = listJsonFiles(join(ROOT, 'data/entities')).flatMap((f) => {
    const { entity } = parseEntityFile(f, readFileSync(f, 'utf8'));
    return entity ? [entity] : [];
  });
  return { matcher: compileMatcher(entities), byId: new Map(entities.map((e) => [e.id, e])) };
}
