/**
 * Timings and sizes of the matching engine in Node: `npx tsx scripts/bench-match.ts`.
 *
 * Builds a synthetic 100k-alias matcher (build time, serialized size per section, memory
 * once loaded, load time) and scans 10 MB of text with it and with the real dataset: a bare
 * charCodeAt loop, scanText, findMentions, and a DocumentScan fed in page-sized slices.
 * Shared machines are noisy, so every figure is the best of several interleaved rounds;
 * the ratio findMentions / scanText is the one to watch (goal: about 1.3 on real text).
 * Pass `--rounds N` for more rounds.
 */
import { readFileSync } from 'node:fs';
import {
  compileMatcher,
  createDocumentScan,
  findMentions,
  loadMatcher,
  scanText,
  serializeMatcher,
  type Matcher,
} from '../lib/match';
import { loadDataEntities } from '../tests/unit/match/fixtures';
import { prng, syntheticMatcher, syntheticText } from '../tests/unit/match/synthetic';

const roundsArg = process.argv.indexOf('--rounds');
const ROUNDS = roundsArg > 0 ? Number(process.argv[roundsArg + 1]) : 5;
/** Slice size of the page scanner's later batches (entrypoints/content). */
const SLICE = 20_000;

const mb = (bytes: number): string => (bytes / 1e6).toFixed(2);

/** Section name → [type, bytes], read back from the serialized header. */
function sections(bytes: Uint8Array): Array<[string, string, number]> {
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const jsonLength = dv.getUint32(8, true);
  const header = JSON.parse(new TextDecoder().decode(bytes.subarray(12, 12 + jsonLength))) as {
    sections: Array<{ name: string; type: string; length: number }>;
  };
  const width: Record<string, number> = { u8: 1, u16: 2, i32: 4, u32: 4 };
  return [
    ['header (JSON: ids, section table)', 'json', jsonLength],
    ...header.sections.map((s): [string, string, number] => [s.name, s.type, s.length * width[s.type]!]),
  ];
}

/** Bytes of the typed arrays a loaded matcher holds beyond the file's buffer (derived at load). */
function derivedBytes(m: Matcher): number {
  return (
    m.alphaIndex.byteLength +
    m.terminalRank.byteLength +
    m.casedBits.byteLength +
    m.casedRank.byteLength +
    m.casedStart.byteLength
  );
}

function sizeReport(label: string, m: Matcher): Uint8Array {
  const bytes = serializeMatcher(m);
  console.log(`${label}: serialized ${mb(bytes.length)} MB`);
  for (const [name, type, size] of sections(bytes))
    console.log(`  ${name.padEnd(34)} ${type.padEnd(4)} ${String(size).padStart(10)} B`);
  const loaded = loadMatcher(bytes);
  let load = Infinity;
  for (let r = 0; r < 2 * ROUNDS; r++) {
    const t0 = performance.now();
    loadMatcher(bytes);
    load = Math.min(load, performance.now() - t0);
  }
  const derived = derivedBytes(loaded);
  console.log(
    `  loaded: ${mb(bytes.length + derived)} MB (file + ${mb(derived)} MB derived at load), load ${load.toFixed(2)} ms (best of ${2 * ROUNDS})`,
  );
  return bytes;
}

/** Best time of each measurement over ROUNDS interleaved rounds. */
function scanReport(label: string, m: Matcher, text: string): void {
  const best = new Map<string, number>();
  const time = (name: string, f: () => void): void => {
    const t0 = performance.now();
    f();
    best.set(name, Math.min(best.get(name) ?? Infinity, performance.now() - t0));
  };
  let sink = 0;
  let matches = 0;
  let mentions = 0;
  for (let r = 0; r < ROUNDS; r++) {
    time('read', () => {
      for (let i = 0; i < text.length; i++) sink += text.charCodeAt(i);
    });
    time('scan', () => {
      matches = 0;
      scanText(m, text, () => {
        matches++;
      });
    });
    time('mentions', () => {
      mentions = findMentions(m, text).length;
    });
    time('slices', () => {
      const doc = createDocumentScan(m);
      for (let at = 0; at < text.length; at += SLICE) doc.add(text.slice(at, at + SLICE), at);
      sink += doc.results().length;
    });
  }
  const ms = (k: string): string => best.get(k)!.toFixed(0);
  const ratio = (k: string): string => (best.get(k)! / best.get('scan')!).toFixed(2);
  console.log(
    `${label}: ${(text.length / 1e6).toFixed(1)} MB, ${matches} matches, ${mentions} mentions (best of ${ROUNDS})\n` +
      `  charCodeAt loop ${ms('read')} ms, scanText ${ms('scan')} ms (${(text.length / 1e3 / best.get('scan')!).toFixed(0)} MB/s)\n` +
      `  findMentions ${ms('mentions')} ms (${ratio('mentions')}x scanText), DocumentScan in ${SLICE / 1000}k slices ${ms('slices')} ms (${ratio('slices')}x)` +
      (sink === -1 ? '' : ''),
  );
}

let t0 = performance.now();
const { matcher, specs, vocab } = syntheticMatcher(100_000);
console.log(
  `synthetic 100k aliases: compiled in ${(performance.now() - t0).toFixed(0)} ms, ${matcher.groupFlags.length} distinct patterns, ` +
    `${matcher.nodes.length / 3} states, alphabet ${matcher.alphabet.length}`,
);
const synthetic = loadMatcher(sizeReport('synthetic matcher', matcher));
scanReport('synthetic text, 100k-alias matcher', synthetic, syntheticText(prng(7), 10_000_000, vocab, specs));

const entities = loadDataEntities();
if (entities.length > 0) {
  t0 = performance.now();
  const compiled = compileMatcher(entities);
  console.log(
    `dataset: ${entities.length} entities, compiled in ${(performance.now() - t0).toFixed(0)} ms, ${compiled.groupFlags.length} patterns`,
  );
  const real = loadMatcher(sizeReport('dataset matcher', compiled));
  const seeds = ['000_72a7d6bb9723ab88.txt', '004_2954653520d5b9e9.txt']
    .map((f) => readFileSync(`../shared/seeds/${f}`, 'utf8'))
    .join('\n');
  scanReport(
    'seed articles repeated, dataset matcher',
    real,
    seeds.repeat(Math.ceil(10_000_000 / seeds.length)).slice(0, 10_000_000),
  );
}
