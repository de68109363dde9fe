/**
 * The content script's lifetime, as its parts use it: timers, animation frames and listeners
 * that end with the script (the extension reloaded, disabled, updated or removed, or a newer copy
 * took over: platform/content-script-context.ts). Every part is started from main() with one and
 * schedules nothing through the bare window functions, so an ended script leaves nothing running.
 *
 * Unlike the context's own setTimeout, which adds an end hook per timer and never removes it
 * (the hover timers are set on every pointer move), one hook clears whatever is still pending.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';

export class Lifetime {
  /** Timers and frames scheduled and not yet run or cleared. */
  private readonly timers = new Set<number>();
  private readonly frames = new Set<number>();

  /** addEventListener, removed when the script ends. */
  readonly listen: ContentScriptContext['addEventListener'];

  constructor(private readonly ctx: ContentScriptContext) {
    this.listen = ctx.addEventListener.bind(ctx);
    ctx.onInvalidated(() => {
      for (const id of this.timers) window.clearTimeout(id);
      for (const id of this.frames) window.cancelAnimationFrame(id);
      this.timers.clear();
      this.frames.clear();
    });
  }

  get signal(): AbortSignal {
    return this.ctx.signal;
  }

  /** True once the script ended (checks whether the extension is still there). */
  get ended(): boolean {
    return this.ctx.isInvalid;
  }

  /** Runs `cleanup` when the script ends; returns a function that cancels that. */
  onEnd(cleanup: () => void): () => void {
    return this.ctx.onInvalidated(cleanup);
  }

  setTimeout(run: () => void, ms: number): number {
    const id = window.setTimeout(() => {
      this.timers.delete(id);
      if (!this.ended) run();
    }, ms);
    this.timers.add(id);
    return id;
  }

  clearTimeout(id: number | undefined): void {
    if (id === undefined) return;
    window.clearTimeout(id);
    this.timers.delete(id);
  }

  requestFrame(run: () => void): number {
    const id = window.requestAnimationFrame(() => {
      this.frames.delete(id);
      if (!this.ended) run();
    });
    this.frames.add(id);
    return id;
  }
}
