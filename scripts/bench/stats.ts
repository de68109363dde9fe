/** Small statistics and formatting helpers shared by the suites and the report. */
import { createRng } from './prng';

export function median(xs: readonly number[]): number {
  if (xs.length === 0) return Number.NaN;
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** Milliseconds with sensible precision: 0.84, 12.3, 456. */
export function fmtMs(ms: number): string {
  if (!Number.isFinite(ms)) return '–';
  if (ms >= 100) return ms.toFixed(0);
  if (ms >= 10) return ms.toFixed(1);
  return ms.toFixed(2);
}

export function fmtRatio(x: number): string {
  if (!Number.isFinite(x)) return '–';
  return x >= 10 ? `${x.toFixed(0)}×` : `${x.toFixed(2)}×`;
}

export const fmtMB = (bytes: number): string => `${(bytes / 1e6).toFixed(1)} MB`;

/**
 * A 95% bootstrap interval of `stat` over `xs` (resampled with replacement, 2000 times, from a
 * fixed seed so a saved run prints the same interval): how far the figure could move if the
 * same measurement were taken again, when each value carries the machine's noise.
 */
export function bootstrapInterval(
  xs: readonly number[],
  stat: (sample: number[]) => number = median,
  rounds = 2000,
): [number, number] {
  if (xs.length === 0) return [Number.NaN, Number.NaN];
  const rng = createRng(0x9e3779b9);
  const stats: number[] = [];
  for (let r = 0; r < rounds; r++) stats.push(stat(Array.from(xs, () => rng.pick(xs))));
  stats.sort((a, b) => a - b);
  return [stats[Math.floor(rounds * 0.025)]!, stats[Math.ceil(rounds * 0.975) - 1]!];
}
