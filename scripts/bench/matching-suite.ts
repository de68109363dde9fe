/**
 * Issue 3, matching: per term pack, load our matcher in the page (time, heap), build the
 * RegExp and modern-ahocorasick baselines (time, heap), then scan every target page.
 *
 * Method: RUNS fresh copies of each page (iframe reloads in one harness page, so the compiled
 * matchers persist); on each copy the first call of every approach is its cold time, then
 * REPS rounds of warm samples, approaches interleaved within a round so drift hits all alike.
 * Reported: the median warm sample (n = RUNS × REPS; RUNS for baselines slower than
 * SLOW_SAMPLE_MS), the median cold time (n = RUNS).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openHarness, type BenchBrowser } from './browser';
import { profileScan, type ProfileSummary } from './profile-scan';
import { median } from './stats';
import type { Target } from './targets';
import type { CompiledPack, PackInput } from './term-packs';

export const APPROACHES = [
  'floorNodes',
  'floorJoined',
  'walkLengths',
  'walkJoin',
  'ours',
  'product',
  'regexp',
  'ahocorasick',
] as const;
export type Approach = (typeof APPROACHES)[number] | 'foldRead' | 'scanOnly' | 'automaton';
/** Only with the largest pack, to split ours' cost: the fold-table read alone, the scan loop without building mentions, and the bare automaton. */
const BREAKDOWN: Approach[] = ['foldRead', 'scanOnly', 'automaton'];

/**
 * The floor of a page: the faster of the two full reads of its characters (floorNodes,
 * floorJoined; see in-page/matching.ts), so no matcher is compared with a slow way of reading.
 */
export function floorOf(cells: Partial<Record<Approach, ScanCell>>): (ScanCell & { how: Approach }) | undefined {
  const a = cells.floorNodes;
  const b = cells.floorJoined;
  if (!a || !b) return a ? { ...a, how: 'floorNodes' } : b ? { ...b, how: 'floorJoined' } : undefined;
  return a.warmMs <= b.warmMs ? { ...a, how: 'floorNodes' } : { ...b, how: 'floorJoined' };
}

/** Above this, a warm sample is not repeated within one page copy. */
const SLOW_SAMPLE_MS = 100;

export interface ScanCell {
  warmMs: number;
  coldMs: number;
  /** Matches found (mentions for ours; a checksum of the characters read for the floors). */
  result: number;
  n: number;
}

export interface PackLoad {
  label: string;
  aliasCount: number;
  terms: number;
  scripts: Record<string, number>;
  patternGroups: number;
  slots: number;
  serializedBytes: number;
  nodeBuildMs: number;
  /** loadMatcher in the page: first call, and the median of the next ones. */
  loadColdMs: number;
  loadWarmMs: number;
  loadN: number;
  /** Heap growth (JS heap + ArrayBuffers, after GC) for the loaded matcher and each baseline. */
  matcherHeapBytes: number;
  regexpBuildMs: number;
  regexpHeapBytes: number;
  acBuildMs: number;
  acHeapBytes: number;
}

export interface MatchingResult {
  packs: PackLoad[];
  /** scans[pack][target][approach] */
  scans: Record<string, Record<string, Partial<Record<Approach, ScanCell>>>>;
  textSizes: Record<string, { walked: number; readable: number }>;
  /** CPU profiles with the largest pack: profiles[`${approach} ${page}`]. */
  profiles: Record<string, ProfileSummary>;
}

interface Timed {
  ms: number;
  result: number;
}

export async function runMatchingSuite(
  b: BenchBrowser,
  packs: { input: PackInput; compiled: CompiledPack }[],
  targets: Target[],
  opts: { runs: number; reps: number; profiles: [Approach, string][]; log: (s: string) => void },
): Promise<MatchingResult> {
  const out: MatchingResult = { packs: [], scans: {}, textSizes: {}, profiles: {} };
  for (const { input, compiled } of packs) {
    const binPath = `/bench/pack-${input.label}.bin`; // written by bench.ts for every suite
    const termsPath = `/bench/terms-${input.label}.json`;
    writeFileSync(join(b.dir, termsPath.slice('/bench/'.length)), JSON.stringify(input.terms));
    const h = await openHarness(b);
    // Matcher: heap growth from before the fetch to after loading, with the fetched copy dropped.
    const heap0 = await h.heap();
    await h.call('fetchPack', b.server.url(binPath));
    const [loadCold] = await h.call<number[]>('timeLoadMatcher', 1);
    await h.call('releaseBytes');
    const matcherHeap = (await h.heap()) - heap0;
    await h.call('fetchPack', b.server.url(binPath));
    const loads = await h.call<number[]>('timeLoadMatcher', 9);
    await h.call('releaseBytes');
    await h.call('fetchTerms', b.server.url(termsPath));
    const heap1 = await h.heap();
    const regexpBuildMs = await h.call<number>('buildRegExp');
    const heap2 = await h.heap();
    const acBuildMs = await h.call<number>('buildAhoCorasick');
    const heap3 = await h.heap();
    const load: PackLoad = {
      label: input.label,
      aliasCount: input.aliasCount,
      terms: input.terms.length,
      scripts: input.scripts,
      patternGroups: compiled.patternGroups,
      slots: compiled.slots,
      serializedBytes: compiled.bytes.length,
      nodeBuildMs: compiled.buildMs,
      loadColdMs: loadCold!,
      loadWarmMs: median(loads),
      loadN: loads.length,
      matcherHeapBytes: matcherHeap,
      regexpBuildMs,
      regexpHeapBytes: heap2 - heap1,
      acBuildMs,
      acHeapBytes: heap3 - heap2,
    };
    out.packs.push(load);
    opts.log(
      `  ${input.label}: loadMatcher ${loadCold!.toFixed(1)} ms cold, RegExp built in ${regexpBuildMs.toFixed(0)} ms, modern-ahocorasick in ${acBuildMs.toFixed(0)} ms`,
    );
    const perPack: Record<string, Partial<Record<Approach, ScanCell>>> = {};
    for (const t of targets) {
      const approaches: Approach[] =
        input === packs[packs.length - 1]!.input ? [...APPROACHES, ...BREAKDOWN] : [...APPROACHES];
      const warm = new Map<Approach, Timed[]>(approaches.map((a) => [a, []]));
      const cold = new Map<Approach, Timed[]>(approaches.map((a) => [a, []]));
      for (let run = 0; run < opts.runs; run++) {
        await h.call('loadTarget', b.server.url(t.path));
        for (const a of approaches) cold.get(a)!.push(await h.call<Timed>('measure', a, true));
        if (!out.textSizes[t.name]) out.textSizes[t.name] = await h.call('textSizes');
        for (let rep = 0; rep < opts.reps; rep++) {
          for (const a of approaches) {
            // A slow baseline gets one warm sample per page copy: enough for a median far from ours.
            const samples = warm.get(a)!;
            if (rep > 0 && samples[samples.length - 1]!.ms > SLOW_SAMPLE_MS) continue;
            samples.push(await h.call<Timed>('measure', a, false));
          }
        }
      }
      const cells: Partial<Record<Approach, ScanCell>> = {};
      for (const a of approaches) {
        const w = warm.get(a)!;
        cells[a] = {
          warmMs: median(w.map((x) => x.ms)),
          coldMs: median(cold.get(a)!.map((x) => x.ms)),
          result: w[w.length - 1]!.result,
          n: w.length,
        };
      }
      perPack[t.name] = cells;
      if (input === packs[packs.length - 1]!.input) {
        for (const [approach, page] of opts.profiles) {
          if (page === t.name) out.profiles[`${approach} ${page}`] = await profileScan(h, approach, 20);
        }
      }
      opts.log(
        `  ${input.label} ${t.name}: floor ${floorOf(cells)!.warmMs.toFixed(2)} ms, ours ${cells.ours!.warmMs.toFixed(2)} ms (${cells.ours!.result} mentions)`,
      );
    }
    out.scans[input.label] = perPack;
    await h.close();
  }
  return out;
}
