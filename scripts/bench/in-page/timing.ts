/**
 * In-page timing helpers. Without cross-origin isolation Chromium coarsens performance.now()
 * to 0.1 ms, and a warm text walk of a real page takes about 1 ms: a single call cannot be
 * timed to the precision a "1.5× floor" goal needs. So a warm sample repeats the call until
 * it has run for at least MIN_SAMPLE_MS and reports the mean per call.
 */
export const MIN_SAMPLE_MS = 10;

export interface Timed {
  ms: number;
  /** What the call returned (a count), so the work cannot be optimized away and can be checked. */
  result: number;
}

export function timeOnce(fn: () => number): Timed {
  const t0 = performance.now();
  const result = fn();
  return { ms: performance.now() - t0, result };
}

/** One warm sample: repeats fn until MIN_SAMPLE_MS have passed (at least once). */
export function timeWarm(fn: () => number): Timed {
  const t0 = performance.now();
  let result = fn();
  let calls = 1;
  let elapsed = performance.now() - t0;
  while (elapsed < MIN_SAMPLE_MS) {
    result = fn();
    calls++;
    elapsed = performance.now() - t0;
  }
  return { ms: elapsed / calls, result };
}

/** Resolves after the browser has produced `n` more frames. */
export function frames(n: number): Promise<void> {
  return new Promise((ok) => {
    const step = (): void => {
      if (--n <= 0) ok();
      else requestAnimationFrame(step);
    };
    requestAnimationFrame(step);
  });
}
