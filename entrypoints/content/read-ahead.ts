/**
 * How far the first pass reads: a page opened at its top is read from there to a screen below
 * what the reader sees, and the rest as the reader scrolls towards it (or at once when something
 * needs the whole page: the popup, the keyboard's next-mention command). Reading a long page at
 * load cost every page view its full walk, most of it text the reader never reaches; what is
 * ahead is read before it comes on screen, so highlights are there when the reader gets there.
 *
 * Where text lies is learned from an IntersectionObserver, which reports after the browser's
 * own layout: asking the element's position directly would force a layout of a page that may
 * not have had one yet (on a page of 200,000 nodes, a task of about 90 ms).
 */
import type { Lifetime } from './lifetime';

/** Text this many screens below the bottom of the viewport is left for later. */
const SCREENS_AHEAD = 1;
/** Farther than any page reaches, in pixels. */
const FAR = 10_000_000;

export class ReadAhead {
  private readonly observer: IntersectionObserver;
  /** The element of the text where the first pass stopped, and whether it is near (null: not known yet). */
  private target: Element | null = null;
  private near: boolean | null = null;
  private onKnown: ((near: boolean) => void)[] = [];
  private onNear: (() => void) | null = null;

  constructor(life: Lifetime) {
    this.observer = new IntersectionObserver(
      (entries) => {
        for (const entry of entries) {
          if (entry.target !== this.target) continue;
          // Not below the horizon: on it, above it (scrolled past), or with no box at all (hidden).
          const bottom = entry.rootBounds?.bottom ?? window.innerHeight * (1 + SCREENS_AHEAD);
          this.settle(entry.isIntersecting || entry.boundingClientRect.top <= bottom || !entry.target.isConnected);
        }
      },
      // Everything above the horizon counts as in it, however far up or to the side: a reader
      // who jumps past (the End key, a link) leaves the text behind, never "on screen".
      { root: document, rootMargin: `${FAR}px ${FAR}px ${SCREENS_AHEAD * 100}% ${FAR}px` },
    );
    life.onEnd(() => this.observer.disconnect());
  }

  /** Whether the text at `node` lies within the horizon, as the browser's next layout has it. */
  isNear(node: Text): Promise<boolean> {
    if (!this.watch(node)) return Promise.resolve(true);
    if (this.near !== null) return Promise.resolve(this.near);
    return new Promise((resolve) => this.onKnown.push(resolve));
  }

  /** Resolves when the text at `node` comes within the horizon (at once if it is), or wakeNow() is called. */
  whenNear(node: Text): Promise<void> {
    return new Promise((resolve) => {
      if (!this.watch(node) || this.near) resolve();
      else this.onNear = resolve;
    });
  }

  /** Ends the current waits now, as if the text were near (the whole page is needed, or the pass was superseded). */
  wakeNow(): void {
    const wake = this.onNear;
    const known = this.onKnown;
    this.onNear = null;
    this.onKnown = [];
    wake?.();
    for (const resolve of known) resolve(true);
  }

  /** The page changed: if it took out the element waited on, no layout will report it again. */
  pageChanged(): void {
    if (this.target && !this.target.isConnected) this.settle(true);
  }

  /** Observes the element of `node`; false when there is none in the page to observe. */
  private watch(node: Text): boolean {
    const el = node.parentElement;
    if (!el?.isConnected) return false;
    if (el !== this.target) {
      if (this.target) this.observer.unobserve(this.target);
      this.target = el;
      this.near = null;
      this.observer.observe(el);
    }
    return true;
  }

  private settle(near: boolean): void {
    this.near = near;
    if (near) return this.wakeNow();
    const known = this.onKnown;
    this.onKnown = [];
    for (const resolve of known) resolve(false);
  }
}
