/**
 * The content script's lifetime, as its parts use it: timers, animation frames and listeners
 * that end with the script (the extension reloaded, disabled, updated or removed, or a newer copy
 * took over: platform/content-script-context.ts). Every part is started from main() with one and
 * schedules nothing through the bare window functions, so an ended script leaves nothing running.
 *
 * Unlike the context's own setTimeout, a timer that fires or is cleared also drops its end
 * hook: the hover timers are set on every pointer move, and their hooks would pile up for the
 * page's whole life.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';

export class Lifetime {
  private readonly timers = new Map<number, () => void>();
  private readonly frames = new Map<number, () => void>();

  /** addEventListener, removed when the script ends. */
  readonly listen: ContentScriptContext['addEventListener'];

  constructor(private readonly ctx: ContentScriptContext) {
    this.listen = ctx.addEventListener.bind(ctx);
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
      this.drop(this.timers, id);
      if (!this.ended) run();
    }, ms);
    this.timers.set(
      id,
      this.onEnd(() => window.clearTimeout(id)),
    );
    return id;
  }

  clearTimeout(id: number | undefined): void {
    if (id === undefined) return;
    window.clearTimeout(id);
    this.drop(this.timers, id);
  }

  requestFrame(run: () => void): number {
    const id = window.requestAnimationFrame(() => {
      this.drop(this.frames, id);
      if (!this.ended) run();
    });
    this.frames.set(
      id,
      this.onEnd(() => window.cancelAnimationFrame(id)),
    );
    return id;
  }

  cancelFrame(id: number): void {
    window.cancelAnimationFrame(id);
    this.drop(this.frames, id);
  }

  private drop(map: Map<number, () => void>, id: number): void {
    map.get(id)?.();
    map.delete(id);
  }
}
