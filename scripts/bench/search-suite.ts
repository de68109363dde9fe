/**
 * The popup-search bench (issue 6), in Node: the real dataset plus 10k pseudo-entities in six
 * languages; queries typed one keystroke at a time. Ours = loadSearcher over the stored JSON
 * (Fuse.parseIndex, no re-indexing) + search(q, 20); plain = a Fuse built at open time over
 * every folded name with the same options, one full search per keystroke. Agreement = the
 * keystrokes whose top-5 entities, names and scores are identical.
 */
import type { Entity } from '../../lib/dataset/schema';
import { buildSearchData, createPlainSearcher, loadSearcher, prepareQuery } from '../../lib/search';
import { keystrokes, pseudoEntities, pseudoQueries, REAL_QUERIES } from './search-set';
import { fmtMs, median } from './stats';
import { table } from './table';

export interface SearchBenchResult {
  names: number;
  entities: number;
  jsonBytes: number;
  keystrokes: number;
  buildMs: number;
  oursLoadMs: number;
  plainBuildMs: number;
  ours: { median: number; p95: number; max: number };
  erased: { median: number; p95: number; max: number };
  plain: { median: number; p95: number; max: number };
  agreement: { same: number; total: number };
}

const p95 = (xs: number[]): number =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * 0.95))] ?? Number.NaN;
/** Runs the whole sequence `reps` times; each element's time is its median over the passes. */
function timedPasses(sequence: readonly string[], reps: number, run: (q: string) => void): number[] {
  const times = sequence.map(() => [] as number[]);
  for (let r = 0; r < reps; r++) {
    for (const [k, q] of sequence.entries()) {
      const t = performance.now();
      run(q);
      times[k]!.push(performance.now() - t);
    }
  }
  return times.map(median);
}

const summary = (xs: number[]): { median: number; p95: number; max: number } => ({
  median: median(xs),
  p95: p95(xs),
  max: Math.max(...xs),
});

export function runSearchSuite(
  real: Entity[],
  options: { pseudo?: number; reps?: number; log?: (s: string) => void } = {},
): SearchBenchResult {
  const log = options.log ?? (() => {});
  const reps = options.reps ?? 5;
  const pseudo = pseudoEntities(real, options.pseudo ?? 10_000);
  const entities = [...real, ...pseudo];
  let t0 = performance.now();
  const json = JSON.stringify(buildSearchData(entities));
  const buildMs = performance.now() - t0;
  t0 = performance.now();
  const searcher = loadSearcher(JSON.parse(json));
  const oursLoadMs = performance.now() - t0;
  const data = searcher.data;
  log(
    `  search: ${data.records.length} names of ${entities.length} entities, built in ${(buildMs / 1000).toFixed(1)} s, loaded in ${oursLoadMs.toFixed(0)} ms`,
  );

  const queries = [...REAL_QUERIES, ...pseudoQueries(pseudo, 6)];
  const strokes = queries.flatMap(keystrokes);
  for (const q of strokes) searcher.search(q); // warm-up: the popup's first keystroke is not the bench's subject
  // Typed: each keystroke follows the one before, as in the popup, so the searcher may reuse
  // what the previous keystroke learned. Erased: the same strings longest first (backspace),
  // where nothing carries over. Each figure is the median over `reps` passes.
  const ours = timedPasses(strokes, reps, (q) => searcher.search(q, 20));
  const erasedOrder = queries.flatMap((q) => keystrokes(q).reverse());
  const erased = timedPasses(erasedOrder, reps, (q) => searcher.search(q, 20));
  const plain = createPlainSearcher(data);
  const plainMs: number[] = [];
  let same = 0;
  let total = 0;
  for (const [k, q] of strokes.entries()) {
    const pattern = prepareQuery(q);
    const t = performance.now();
    const theirs = plain.rank(pattern, 20);
    plainMs.push(performance.now() - t);
    if (!pattern) continue;
    total++;
    if (JSON.stringify(theirs.slice(0, 5)) === JSON.stringify(searcher.rank(pattern, 5))) same++;
    if (k % 40 === 0) log(`  search: plain Fuse ${k}/${strokes.length} keystrokes`);
  }
  return {
    names: data.records.length,
    entities: entities.length,
    jsonBytes: Buffer.byteLength(json),
    keystrokes: strokes.length,
    buildMs,
    oursLoadMs,
    plainBuildMs: plain.buildMs,
    ours: summary(ours),
    erased: summary(erased),
    plain: summary(plainMs),
    agreement: { same, total },
  };
}

export function searchTables(r: SearchBenchResult): string {
  return [
    table(
      ['per keystroke', 'median ms', 'p95 ms', 'max ms', 'open ms', 'top-5 agreement'],
      [
        [
          'ours, typed (prefilter + Fuse scoring)',
          fmtMs(r.ours.median),
          fmtMs(r.ours.p95),
          fmtMs(r.ours.max),
          fmtMs(r.oursLoadMs),
          `${r.agreement.same}/${r.agreement.total}`,
        ],
        ['ours, erased (nothing reused)', fmtMs(r.erased.median), fmtMs(r.erased.p95), fmtMs(r.erased.max), '', ''],
        [
          'plain Fuse, built at open',
          fmtMs(r.plain.median),
          fmtMs(r.plain.p95),
          fmtMs(r.plain.max),
          fmtMs(r.plainBuildMs),
          '(reference)',
        ],
      ],
      `Popup search: ${r.names} names of ${r.entities} entities (real + pseudo), ${r.keystrokes} keystrokes, limit 20; goal ≤ 5 ms p95`,
    ),
    `open ms: ours = JSON.parse of search.json (${(r.jsonBytes / 1e6).toFixed(1)} MB) + Fuse.parseIndex + gram indexes; plain = Fuse index build over the`,
    `folded names (strings already in memory). Data build (records + Fuse index + JSON): ${(r.buildMs / 1000).toFixed(1)} s.`,
    `ours per keystroke = median of 5 passes over the sequence. typed = keystrokes in typing order (each may reuse the bounds of the one`,
    `before); erased = the same strings longest first, as backspace gives them (nothing reused). Agreement is checked in typing order.`,
  ].join('\n');
}
