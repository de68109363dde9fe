/**
 * `npm run data:build`: compiles data/entities into what the extension ships, in public/data/:
 *   entities-N.json  the records the background installs into IndexedDB, in files of at most
 *                  ENTITIES_PER_FILE (store linters refuse to parse one JSON file of several MB)
 *   matcher.bin    the prebuilt matcher the background loads, to scan for every tab (never built in a page)
 *   search.json    the popup search's records and serialized Fuse index (lib/search)
 *   dataset.json   the dataset version (a hash of the outputs), counts and the entity files
 * `--check` validates only. On any problem it names file, field and fault, and writes nothing.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { listJsonFiles } from './list-files';
import { join, relative, resolve } from 'node:path';
import { parseEntityFile, type FileProblem } from '../lib/dataset/parse';
import { checkConventions } from '../lib/dataset/conventions';
import { checkHoldings, withHolders } from '../lib/dataset/holdings';
import { datasetReport } from '../lib/dataset/report';
import type { Entity } from '../lib/dataset/schema';
import { compileMatcher, serializeMatcher } from '../lib/match';
import { buildSearchData } from '../lib/search';

const ROOT = join(import.meta.dirname, '..');
function option(name: string, fallback: string): string {
  const at = process.argv.indexOf(name);
  return at >= 0 && process.argv[at + 1] ? resolve(process.argv[at + 1]!) : fallback;
}
// --source and --out exist for tests; the defaults are what the build uses.
const SOURCE = option('--source', join(ROOT, 'data/entities'));
const OUT = option('--out', join(ROOT, 'public/data'));

function main(): number {
  const checkOnly = process.argv.includes('--check');
  const problems: FileProblem[] = [];
  const entities: Entity[] = [];
  const fileOf = new Map<string, string>();
  for (const path of listJsonFiles(SOURCE)) {
    const file = relative(ROOT, path);
    const { entity, problems: found } = parseEntityFile(file, readFileSync(path, 'utf8'));
    problems.push(...found);
    if (entity) {
      entities.push(entity);
      fileOf.set(entity.id, file);
    }
  }
  for (const p of [...checkConventions(entities), ...checkHoldings(entities)]) {
    problems.push({ file: fileOf.get(p.id) ?? p.id, field: p.field, message: p.message });
  }
  if (problems.length > 0) {
    for (const p of problems) console.error(`${p.file}: ${p.field}: ${p.message}`);
    console.error(`\ndata:build: ${problems.length} problem(s); nothing written.`);
    return 1;
  }
  entities.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const shipped = withHolders(entities);
  console.log(datasetReport(entities));
  if (checkOnly) return 0;

  const ENTITIES_PER_FILE = 400;
  const parts: string[] = [];
  for (let k = 0; k < shipped.length || k === 0; k += ENTITIES_PER_FILE)
    parts.push(JSON.stringify(shipped.slice(k, k + ENTITIES_PER_FILE)));
  const entityFiles = parts.map((_, k) => `entities-${k}.json`);
  const records = parts.join('\n');
  const t0 = performance.now();
  const matcher = serializeMatcher(compileMatcher(entities));
  const buildMs = performance.now() - t0;
  const search = JSON.stringify(buildSearchData(entities));
  const version = createHash('sha256').update(records).update(matcher).update(search).digest('hex').slice(0, 16);
  const meta = JSON.stringify({ version, entities: entities.length, entityFiles }, null, 2);

  // Write into a sibling folder, then swap, so a failure never leaves half a dataset behind.
  const staging = `${OUT}.tmp`;
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  parts.forEach((part, k) => writeFileSync(join(staging, entityFiles[k]!), part));
  writeFileSync(join(staging, 'matcher.bin'), matcher);
  writeFileSync(join(staging, 'search.json'), search);
  writeFileSync(join(staging, 'dataset.json'), meta + '\n');
  rmSync(OUT, { recursive: true, force: true });
  renameSync(staging, OUT);
  console.log(`matcher: ${(matcher.byteLength / 1024).toFixed(0)} KiB, compiled in ${buildMs.toFixed(0)} ms`);
  console.log(`dataset version ${version} → ${relative(ROOT, OUT)}/`);
  return 0;
}

process.exit(main());
