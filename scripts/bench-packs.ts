/**
 * Figures for importing a user pack (issue 8): a generated 100k-entity pack (~300k names and
 * aliases) through JSON.parse + validation, the matcher compile and its serialization.
 * Prints, never fails: `npx tsx scripts/bench-packs.ts [entities] [runs]`.
 */
import {
  buildEntityTable,
  compileMatcher,
  compilePatterns,
  entityPatterns,
  serializeMatcher,
  type PatternSpec,
} from '../lib/match';
import { matcherEntities, parsePack } from '../lib/packs';
import { generatePack } from './bench/generated-pack';

const n = Number(process.argv[2] ?? 100_000);
const runs = Number(process.argv[3] ?? 3);
const ms = (t0: number): number => Math.round(performance.now() - t0);
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

let t0 = performance.now();
const pack = generatePack(n, 1);
console.log(`generate ${n} entities: ${ms(t0)} ms`);
t0 = performance.now();
const text = JSON.stringify(pack);
console.log(`JSON text: ${(text.length / 1048576).toFixed(1)} MB (stringify ${ms(t0)} ms)`);

const rows: Record<string, number[]> = {};
const note = (k: string, v: number): number => ((rows[k] ??= []).push(v), v);
let bytes: Uint8Array = new Uint8Array();
let aliases = 0;
let specCount = 0;
for (let run = 0; run < runs; run++) {
  t0 = performance.now();
  JSON.parse(text);
  note('JSON.parse alone', ms(t0));
  t0 = performance.now();
  const r = parsePack(text);
  note('parsePack (JSON.parse + validate)', ms(t0));
  if (!r.ok) throw new Error(JSON.stringify(r.problems.slice(0, 5)));
  aliases = r.stats.aliases;
  t0 = performance.now();
  const entities = matcherEntities(r.pack.entities);
  note('matcherEntities', ms(t0));
  t0 = performance.now();
  const specs: PatternSpec[] = [];
  entities.forEach((e, k) => specs.push(...entityPatterns(e, k)));
  note('  compile step: entityPatterns (incl. Russian forms)', ms(t0));
  specCount = specs.length;
  t0 = performance.now();
  const table = buildEntityTable(entities);
  note('  compile step: buildEntityTable', ms(t0));
  t0 = performance.now();
  compilePatterns(specs, table);
  note('  compile step: compilePatterns (normalize, automaton, self-evident)', ms(t0));
  t0 = performance.now();
  const m = compileMatcher(entities);
  note('compileMatcher (whole)', ms(t0));
  t0 = performance.now();
  bytes = serializeMatcher(m);
  note('serializeMatcher', ms(t0));
}
console.log(
  `${n} entities, ${aliases} names and aliases, ${specCount} pattern specs (with generated forms); median of ${runs} runs:`,
);
for (const [k, v] of Object.entries(rows))
  console.log(`  ${k.padEnd(72)} ${String(median(v)).padStart(6)} ms   (${v.join(', ')})`);
console.log(`  serialized matcher: ${(bytes.length / 1048576).toFixed(1)} MB`);
const total =
  median(rows['parsePack (JSON.parse + validate)']!) +
  median(rows['compileMatcher (whole)']!) +
  median(rows.serializeMatcher!);
console.log(`  parse + validate + compile + serialize: ${total} ms (the IndexedDB write is not measured here)`);
