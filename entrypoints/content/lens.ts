/**
 * What the content script's parts share on one page: the settings as they stand, the mentions
 * found and drawn, the card, the reader's notes, and the scan that keeps them current. Built by
 * startLens; the parts (hover, page changes, notes, settings, packs, messages) are started from
 * main() with it, each in a line, and everything here is taken off the page when the script ends.
 */
import { addDismissal, type DismissScope } from '../../lib/dismissals';
import { resolveContentLanguage } from '../../lib/settings';
import { getSetting, setSetting } from '../../platform/settings';
import { sendToBackground } from '../../platform/messaging';
import { rootLanguageTag } from '../../reading/page-text';
import highlightCss from './highlights.css?inline';
import { Annotator } from './annotator';
import { CardHost, type CardLanguages } from './card-host';
import { Highlighter } from './highlighter';
import type { Lifetime } from './lifetime';
import { MentionIndex } from './mention-index';
import { PageScanner } from './page-scanner';
import { ReadAhead } from './read-ahead';
import { Revealer } from './reveal';
import { ScanClient } from './scan-client';
import { placeOf, readContentSettings, type ContentSettings } from './settings-snapshot';
import { ShadowRoots } from './shadow-roots';
import { ToolbarHost } from './toolbar-host';

export class Lens {
  readonly highlighter: Highlighter;
  readonly index = new MentionIndex();
  // Chrome's shadow trees inherit the colours from the document (scripts/build/root-highlights.ts).
  readonly shadowRoots = new ShadowRoots(import.meta.env.BROWSER === 'firefox' ? highlightCss : null);
  readonly readAhead: ReadAhead;
  readonly scanner: PageScanner;
  readonly annotator: Annotator;
  readonly card: CardHost;
  readonly revealer: Revealer;
  readonly toolbar: ToolbarHost;
  /** Whether a scan's first part has completed (scanner.readWhole: all of it), and with which matcher ('bundled', or the packs' version). */
  scanned = false;
  scannedWith: string;
  private firstScanDone!: () => void;
  /** Settles when the first scan is over (done, failed or highlighting off). */
  readonly firstScan = new Promise<void>((resolve) => (this.firstScanDone = resolve));

  constructor(
    private readonly life: Lifetime,
    readonly host: string,
    public settings: ContentSettings,
  ) {
    this.highlighter = new Highlighter(settings.kinds);
    this.highlighter.setStyle(settings.style);
    this.readAhead = new ReadAhead(life);
    // The background scans for every tab with one matcher: the page holds none.
    this.scanner = new PageScanner(
      // A closed port may mean the extension went away: then the script ends now, not at its next check.
      new ScanClient(
        () => rootLanguageTag(document),
        () => void life.ended,
      ),
      this.highlighter,
      this.index,
      this.shadowRoots.meet,
      this.readAhead,
      () => this.report(),
    );
    this.scanner.setDismissed(settings.dismissed);
    this.scannedWith = this.scanner.matcher;
    this.annotator = new Annotator(this.index);
    this.annotator.setPainted(settings.paintNotes);
    this.card = new CardHost(
      life,
      this.cardLanguages(),
      (mention, id) => this.annotator.save(mention.range, { note: '', tags: [] }, id),
      (text, id, scope) => this.dismiss(text, id, scope),
    );
    this.revealer = new Revealer(life, this.index);
    this.toolbar = new ToolbarHost(life, () => this.settings, this.annotator);
    life.onEnd(() => {
      this.stopShowing();
      this.annotator.stop();
      this.toolbar.hide();
    });
  }

  /** The card's languages: the content language may follow the page's, known once text is read. */
  cardLanguages(): CardLanguages {
    const { uiLang, contentChoice } = this.settings;
    return { uiLang, contentLang: resolveContentLanguage(contentChoice, uiLang, this.scanner.pageLanguage) };
  }

  /** Reads the page again (first load, a pack or dismissal change, highlighting back on): resolves once what is on screen is done; the rest follows the reader. */
  async scanAll(): Promise<void> {
    if (this.settings.enabled && !this.life.ended) {
      try {
        await this.scanner.scanAll(document.body, this.life.signal);
        this.scanned = true;
        this.scannedWith = this.scanner.matcher;
        this.card.setLanguages(this.cardLanguages());
      } catch (error) {
        console.debug('Context Lens: scan failed', error); // never throw into the page
      }
    }
    // Also where highlighting is off: the toolbar button turns grey for this page.
    if (!this.life.ended) this.report();
    this.firstScanDone();
  }

  /** Takes every entity highlight, the card and the flash off the page (highlighting turned off, or the end). */
  stopShowing(): void {
    this.scanner.clear();
    this.revealer.clear();
    this.shadowRoots.restore();
    this.card.hide();
  }

  /**
   * Tells the background what the page found (the toolbar badge; the popup while it is open).
   * Both show the top page's count only, so a frame says nothing: on a page full of embedded
   * frames that is a message per frame and per batch of changes, read by no one.
   */
  report(): void {
    if (window !== window.top) return;
    void sendToBackground('content:status', {
      url: location.href.slice(0, 4096),
      title: document.title.slice(0, 1000),
      ...this.scanner.stats,
      enabled: this.settings.enabled,
    });
  }

  private async dismiss(text: string, entity: string, scope: DismissScope): Promise<void> {
    const place = placeOf(this.host);
    const where = scope === 'page' ? place.page : scope === 'site' ? place.host : undefined;
    await setSetting('dismissals', addDismissal(await getSetting('dismissals'), { text, entity, scope, where }));
  }
}

/** Reads this site's settings and builds the page's lens (nothing is scanned yet). */
export async function startLens(life: Lifetime): Promise<Lens> {
  const host = location.hostname;
  return new Lens(life, host, await readContentSettings(host));
}
