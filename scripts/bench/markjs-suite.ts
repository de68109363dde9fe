/**
 * mark.js 8.11, the library a user would pick, with each pack's terms. It is so slow that it
 * gets one run per (pack, page), each on a fresh page copy (it rewrites the DOM), capped at
 * CAP_MS and stopped from outside when it goes over. It searches one term at a time and
 * recurses once per term, so with long lists it dies of a stack overflow: reported as such,
 * with the time it took to get there and how many terms it had searched.
 */
import { callWithCap, openHarness, type BenchBrowser } from './browser';
import type { Target } from './targets';

export const CAP_MS = 60_000;

export interface MarkCell {
  outcome: 'done' | 'stack overflow' | 'timeout' | 'error' | 'skipped';
  ms: number;
  marks: number;
  termsDone: number;
  detail?: string;
}

interface MarkRun {
  ms: number;
  marks: number;
  termsDone: number;
  error: string | null;
}

/**
 * Order: the smallest pack on every page first (the headline: even 1k terms take tens of
 * seconds), then the largest pack, then the middle ones; within those, the pages that were
 * quickest with the smallest pack first, so a tight budget still fills the most cells.
 */
export async function runMarkJsSuite(
  b: BenchBrowser,
  packLabels: string[],
  targets: Target[],
  opts: { budgetMs: number; log: (s: string) => void },
): Promise<Record<string, Record<string, MarkCell>>> {
  const out: Record<string, Record<string, MarkCell>> = Object.fromEntries(packLabels.map((l) => [l, {}]));
  const started = Date.now();
  const [first, ...rest] = packLabels;
  const order = first ? [first, ...rest.slice(-1), ...rest.slice(0, -1)] : [];
  for (const label of order) {
    const pages =
      label === first ? targets : [...targets].sort((x, y) => out[first!]![x.name]!.ms - out[first!]![y.name]!.ms);
    for (const t of pages) {
      // A run may take the whole cap: do not start one that could overrun the bench's budget.
      if (Date.now() - started + CAP_MS > opts.budgetMs) {
        out[label]![t.name] = {
          outcome: 'skipped',
          ms: Number.NaN,
          marks: -1,
          termsDone: 0,
          detail: 'mark.js time budget used up',
        };
        continue;
      }
      const h = await openHarness(b);
      await h.call('fetchTerms', b.server.url(`/bench/terms-${label}.json`));
      await h.call('loadTarget', b.server.url(t.path));
      const r = await callWithCap<MarkRun>(h, CAP_MS, 'runMarkJs');
      let cell: MarkCell;
      if (r.timedOut) cell = { outcome: 'timeout', ms: CAP_MS, marks: -1, termsDone: 0 };
      else {
        const v = r.value;
        cell = {
          outcome: v.error === null ? 'done' : v.error === 'stack overflow' ? 'stack overflow' : 'error',
          ms: v.ms,
          marks: v.marks,
          termsDone: v.termsDone,
          ...(v.error && v.error !== 'stack overflow' ? { detail: v.error } : {}),
        };
        await h.close();
      }
      out[label]![t.name] = cell;
      opts.log(
        `  mark.js ${label} ${t.name}: ${cell.outcome} after ${(cell.ms / 1000).toFixed(1)} s (${cell.termsDone} terms searched)`,
      );
    }
  }
  return out;
}
