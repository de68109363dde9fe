/**
 * Open shadow roots the scan met. Each needs our highlight colours (document styles do not
 * reach into a shadow tree, and `::highlight()` is styled from the tree of the text) and its own
 * MutationObserver registration. Turning off takes our style sheet back out.
 */
export const OBSERVE: MutationObserverInit = { childList: true, characterData: true, subtree: true };

export class ShadowRoots {
  private readonly sheets = new Map<ShadowRoot, CSSStyleSheet | null>();

  constructor(
    private readonly observer: MutationObserver,
    private readonly css: string,
  ) {}

  /** Registers a shadow root once: observed, and styled when the browser allows it. */
  readonly meet = (root: ShadowRoot): void => {
    if (this.sheets.has(root)) return;
    this.observer.observe(root, OBSERVE);
    this.sheets.set(root, this.adopt(root));
  };

  private adopt(root: ShadowRoot): CSSStyleSheet | null {
    try {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(this.css);
      root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
      return sheet;
    } catch {
      return null; // A page may freeze adoptedStyleSheets: its highlights then keep no colour.
    }
  };

  get all(): ShadowRoot[] {
    return [...this.sheets.keys()];
  }

  /** Takes our sheets back out of every shadow root (the observer is the caller's). */
  restore(): void {
    for (const [root, sheet] of this.sheets) {
      if (!sheet) continue;
      try {
        root.adoptedStyleSheets = root.adoptedStyleSheets.filter((s) => s !== sheet);
      } catch {
        // Nothing to restore if the page froze the list after we added to it.
      }
    }
    this.sheets.clear();
  }
}
