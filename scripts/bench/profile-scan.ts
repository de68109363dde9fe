/**
 * Where a scan spends its time: a V8 CPU profile (CDP Profiler) of repeated warm scans of the
 * loaded target page, summed by function (self time). The in-page bundle is not minified, so
 * the names are the engine's and the content script's own.
 *
 * Caveat, seen here: in optimized code V8 maps samples back to inlined helpers by source
 * position, and cached slow paths inlined into the scan loop (computeKind, computeClass: not
 * called at all in warm scans, checked by counting) get credited with part of the loop's
 * time; per-line attribution was no better, so it is not printed. The timing split in the
 * scan tables (walk+join / scanText only / ours) is the reliable breakdown; this profile is
 * reliable for DOM-side costs (nextNode, acceptNode: calls across the binding layer).
 */
import type { BenchPage } from './browser';
import { table } from './table';

interface ProfileNode {
  callFrame: { functionName: string };
  hitCount?: number;
}

export interface ProfileSummary {
  functions: { fn: string; selfPct: number }[];
}

export async function profileScan(h: BenchPage, approach: string, calls: number): Promise<ProfileSummary> {
  await h.cdp.send('Profiler.enable');
  await h.cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await h.cdp.send('Profiler.start');
  for (let k = 0; k < calls; k++) await h.call('measure', approach, false);
  const { profile } = (await h.cdp.send('Profiler.stop')) as unknown as { profile: { nodes: ProfileNode[] } };
  await h.cdp.send('Profiler.disable');
  const byFn = new Map<string, number>();
  let total = 0;
  for (const n of profile.nodes) {
    const name = n.callFrame.functionName || '(anonymous)';
    // Idle is the harness waiting between calls; GC and (program) stay: the scan causes them.
    if (name === '(idle)') continue;
    byFn.set(name, (byFn.get(name) ?? 0) + (n.hitCount ?? 0));
    total += n.hitCount ?? 0;
  }
  return {
    functions: [...byFn]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 8)
      .map(([fn, hits]) => ({ fn, selfPct: (100 * hits) / Math.max(1, total) })),
  };
}

export function profileTable(title: string, p: ProfileSummary): string {
  return table(
    ['function (self time)', 'share'],
    p.functions.map((f) => [f.fn, `${f.selfPct.toFixed(1)}%`]),
    title,
  );
}
