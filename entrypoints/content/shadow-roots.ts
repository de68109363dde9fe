/**
 * Open shadow roots the scan met. Each needs its own registration with the page-change
 * observer, once one is attached. In Firefox each also needs our highlight colours (document
 * styles do not reach into a shadow tree, and `::highlight()` is styled from the tree of the
 * text); turning off takes our style sheet back out. Chrome's shadow trees inherit the colours
 * from their host (scripts/build/root-highlights.ts), so there the page's roots are not touched.
 */
export const OBSERVE: MutationObserverInit = { childList: true, characterData: true, subtree: true };

export class ShadowRoots {
  /** Each root met, and whether our sheet went into it. */
  private readonly roots = new Map<ShadowRoot, boolean>();
  /** One sheet adopted by every root: building one per root cost 163 ms on a page of 2,300. */
  private sheet: CSSStyleSheet | null | undefined;

  private observer: MutationObserver | null = null;

  /** `css`: the highlight colours to adopt into each root, or null where they are inherited. */
  constructor(private readonly css: string | null) {}

  /** Registers a shadow root once: observed, and styled when the browser allows it. */
  readonly meet = (root: ShadowRoot): void => {
    if (this.roots.has(root)) return;
    this.observer?.observe(root, OBSERVE);
    this.roots.set(root, this.adopt(root));
  };

  /** Observes the roots met so far, and every later one, with the page-change observer. */
  observeWith(observer: MutationObserver): void {
    this.observer = observer;
    for (const root of this.roots.keys()) observer.observe(root, OBSERVE);
  }

  private sharedSheet(): CSSStyleSheet | null {
    if (this.css === null) return null;
    if (this.sheet === undefined) {
      try {
        this.sheet = new CSSStyleSheet();
        this.sheet.replaceSync(this.css);
      } catch {
        this.sheet = null;
      }
    }
    return this.sheet;
  }

  private adopt(root: ShadowRoot): boolean {
    const sheet = this.sharedSheet();
    if (!sheet) return false;
    try {
      root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
      return true;
    } catch {
      return false; // A page may freeze adoptedStyleSheets: its highlights then keep no colour.
    }
  }

  get all(): ShadowRoot[] {
    return [...this.roots.keys()];
  }

  /** Forgets roots whose host left the page (a page that keeps replacing its components). */
  forgetDisconnected(): void {
    for (const root of this.roots.keys()) if (!root.host.isConnected) this.roots.delete(root);
  }

  /** Takes our sheet back out of every shadow root (the observer is the caller's). */
  restore(): void {
    for (const [root, styled] of this.roots) {
      if (!styled) continue;
      try {
        root.adoptedStyleSheets = root.adoptedStyleSheets.filter((s) => s !== this.sheet);
      } catch {
        // Nothing to restore if the page froze the list after we added to it.
      }
    }
    this.roots.clear();
  }
}
