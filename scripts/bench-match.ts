/**
 * Timings of the matching engine in Node: `npx tsx scripts/bench-match.ts`.
 * Builds a synthetic 100k-alias matcher (size, build and load time) and scans 10 MB of text
 * with it and with the real dataset, next to a bare charCodeAt loop over the same text.
 */
import { readFileSync } from 'node:fs';
import { compileMatcher, findMentions, loadMatcher, scanText, serializeMatcher, type Matcher } from '../lib/match';
import { normalize } from '../lib/text/normalize';
import { loadDataEntities } from '../tests/unit/match/fixtures';
import { prng, syntheticMatcher, syntheticText } from '../tests/unit/match/synthetic';

const ms = (t0: number): string => (performance.now() - t0).toFixed(1);

function best(runs: number, f: () => void): number {
  let min = Infinity;
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    f();
    min = Math.min(min, performance.now() - t0);
  }
  return min;
}

function scanReport(label: string, m: Matcher, text: string): void {
  let sink = 0;
  const read = best(5, () => {
    for (let i = 0; i < text.length; i++) sink += text.charCodeAt(i);
  });
  let matches = 0;
  const scan = best(5, () => {
    matches = 0;
    scanText(m, text, () => {
      matches++;
    });
  });
  const norm = best(3, () => {
    sink += normalize(text).text.length;
  });
  const mentions = best(3, () => {
    sink += findMentions(m, text).length;
  });
  const mb = text.length / 1e6;
  console.log(
    `${label}: ${mb.toFixed(1)} MB, charCodeAt loop ${read.toFixed(0)} ms, scan ${scan.toFixed(0)} ms ` +
      `(${(scan / read).toFixed(1)}x, ${(mb / (scan / 1000)).toFixed(0)} MB/s, ${matches} matches), ` +
      `normalize() alone ${norm.toFixed(0)} ms, findMentions ${mentions.toFixed(0)} ms` +
      (sink === -1 ? '' : ''),
  );
}

let t0 = performance.now();
const { matcher, specs, vocab } = syntheticMatcher(100_000);
const states = matcher.nodes.length / 3;
console.log(`synthetic 100k aliases: compiled in ${ms(t0)} ms, ${matcher.groupLength.length} distinct patterns, ${states} states, alphabet ${matcher.alphabet.length}`);
t0 = performance.now();
const bytes = serializeMatcher(matcher);
console.log(`serialized: ${(bytes.length / 1e6).toFixed(2)} MB in ${ms(t0)} ms`);
const load = best(5, () => loadMatcher(bytes));
console.log(`load: ${load.toFixed(2)} ms (best of 5)`);
scanReport('synthetic text, 100k-alias matcher', matcher, syntheticText(prng(7), 10_000_000, vocab, specs));

const entities = loadDataEntities();
if (entities.length > 0) {
  t0 = performance.now();
  const real = compileMatcher(entities);
  const realBytes = serializeMatcher(real);
  console.log(`dataset: ${entities.length} entities, compiled in ${ms(t0)} ms, ${real.groupLength.length} patterns, ${(realBytes.length / 1e6).toFixed(2)} MB`);
  const seeds = ['000_72a7d6bb9723ab88.txt', '004_2954653520d5b9e9.txt'].map((f) => readFileSync(`../shared/seeds/${f}`, 'utf8')).join('\n');
  scanReport('seed articles repeated, dataset matcher', real, seeds.repeat(Math.ceil(10_000_000 / seeds.length)).slice(0, 10_000_000));
}
