/**
 * Issue 5, drawing, on the dense page (top level). Per run, on a fresh copy of the page:
 *  1. CSS Custom Highlights: REPS times clear, wait two frames, then in one task register every
 *     mention as a StaticRange (one Highlight per kind) — the write — and force a layout; then
 *     the time to the next two frames; idle frames measured first as the reference.
 *  2. Page DOM changes (append + remove a <span>, OPS times a sample) with nothing registered,
 *     with our StaticRange highlights (alternating), then with live Range highlights.
 * And on another fresh copy per run: the same mentions wrapped in <mark> elements.
 */
import { openTopLevel, type BenchBrowser } from './browser';
import { median } from './stats';
import type { DrawTimes } from './in-page/drawing';

export interface DrawingResult {
  mentions: number;
  runs: number;
  idleFramesMs: number;
  highlight: { writeMs: number; layoutMs: number; framesMs: number; n: number };
  marks: { writeMs: number; layoutMs: number; framesMs: number; n: number };
  domChangeUs: {
    none: number;
    staticRanges: number;
    liveRanges: number;
    n: number;
    nLive: number;
    ops: Record<string, number>;
  };
}

// Enough operations per sample (~10 ms) that timer resolution and stray interrupts wash out.
const OPS = { none: 8000, staticRanges: 8000, liveRanges: 100 };
const SAMPLES = 3;

export async function runDrawingSuite(
  b: BenchBrowser,
  packLabel: string,
  opts: { runs: number; reps: number; log: (s: string) => void },
): Promise<DrawingResult> {
  const packUrl = b.server.url(`/bench/pack-${packLabel}.bin`);
  const hl = { write: [] as number[], layout: [] as number[], frames: [] as number[] };
  const mk = { write: [] as number[], layout: [] as number[], frames: [] as number[] };
  const idle: number[] = [];
  const churn = { none: [] as number[], staticRanges: [] as number[], liveRanges: [] as number[] };
  let mentions = 0;
  for (let run = 0; run < opts.runs; run++) {
    const p = await openTopLevel(b, '/bench/dense.html');
    mentions = await p.call<number>('prepareDrawing', packUrl);
    for (let k = 0; k < 3; k++) idle.push(await p.call<number>('idleFrames'));
    for (let rep = 0; rep < opts.reps; rep++) {
      await p.call('clearHighlights');
      await p.call('idleFrames');
      const t = await p.call<DrawTimes>('draw', 'highlights');
      hl.write.push(t.writeMs);
      hl.layout.push(t.layoutMs);
      hl.frames.push(t.framesMs);
    }
    await p.call('clearHighlights');
    // Without and with our highlights alternate, so drift (JIT, GC) does not favour either;
    // live Ranges come last because they stay attached to the document until collected.
    for (const state of [
      'none',
      'staticRanges',
      'none',
      'staticRanges',
      'none',
      'staticRanges',
      'liveRanges',
    ] as const) {
      if (state !== 'none') await p.call('registerHighlights', state === 'staticRanges' ? 'static' : 'live');
      await p.call('idleFrames');
      await p.call('domChange', 50); // warm-up
      for (let s = 0; s < SAMPLES; s++) churn[state].push(await p.call<number>('domChange', OPS[state]));
      await p.call('clearHighlights');
    }
    await p.close();

    const m = await openTopLevel(b, '/bench/dense.html');
    await m.call('prepareDrawing', packUrl);
    await m.call('idleFrames');
    const t = await m.call<DrawTimes>('draw', 'marks');
    mk.write.push(t.writeMs);
    mk.layout.push(t.layoutMs);
    mk.frames.push(t.framesMs);
    await m.close();
    opts.log(
      `  drawing run ${run + 1}/${opts.runs}: highlights ${median(hl.write).toFixed(1)} ms, <mark> ${median(mk.write).toFixed(1)} ms`,
    );
  }
  return {
    mentions,
    runs: opts.runs,
    idleFramesMs: median(idle),
    highlight: {
      writeMs: median(hl.write),
      layoutMs: median(hl.layout),
      framesMs: median(hl.frames),
      n: hl.write.length,
    },
    marks: { writeMs: median(mk.write), layoutMs: median(mk.layout), framesMs: median(mk.frames), n: mk.write.length },
    domChangeUs: {
      none: median(churn.none),
      staticRanges: median(churn.staticRanges),
      liveRanges: median(churn.liveRanges),
      n: churn.none.length,
      nLive: churn.liveRanges.length,
      ops: OPS,
    },
  };
}
