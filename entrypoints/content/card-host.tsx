/**
 * Hosts the entity card in a shadow root on the page, positioned next to a mention and kept on
 * screen. It fetches records from the background (the dataset is never bundled into pages).
 */
import { render } from 'preact';
import type { i18n } from 'i18next';
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi, type ShadowRootContentScriptUi } from 'wxt/utils/content-script-ui/shadow-root';
import { EntityCard } from '../../components/EntityCard';
import cardCss from '../../components/entity-card.css?inline';
import { displayName, entityView, viewLabels } from '../../lib/entity-view';
import { translatorOf } from '../../lib/i18n-resources';
import type { Entity, Lang } from '../../lib/dataset/schema';
import { fetchEntities } from '../../platform/entities';
import type { PageMention } from './mention-index';
import type { SaveOutcome } from '../../lib/protocol';

export const UI_TAG = 'context-lens-ui';

export interface CardState {
  mention: PageMention;
  /** Which candidate is shown (the best guess unless the reader picked another). */
  shownId: string;
  anchor: DOMRect;
  pinned: boolean;
}

export class CardHost {
  private ui: ShadowRootContentScriptUi<void> | null = null;
  private state: CardState | null = null;
  private records = new Map<string, Entity>();
  /** "Not this one" choices for this page: mention text + rejected entity id. */
  private rejected = new Set<string>();
  pointerInside = false;

  constructor(
    private readonly ctx: ContentScriptContext,
    private readonly i18n: i18n,
    private contentLang: Lang,
    private readonly onNotThis: (mention: PageMention, id: string) => void,
    private readonly onSave: (mention: PageMention, id: string) => Promise<SaveOutcome>,
  ) {}

  get current(): CardState | null {
    return this.state;
  }

  private async mount(): Promise<ShadowRootContentScriptUi<void>> {
    if (this.ui) return this.ui;
    const ui = await createShadowRootUi<void>(this.ctx, {
      name: UI_TAG,
      css: cardCss,
      mode: 'open',
      position: 'inline',
      anchor: 'body',
      append: 'last',
      isolateEvents: ['keydown', 'keyup', 'keypress'],
      onMount: () => undefined,
    });
    ui.mount();
    const host = ui.shadowHost;
    host.setAttribute('data-context-lens-ui', '');
    // The host is reset by WXT's `all: initial`; the container inside the shadow root is ours to place.
    Object.assign(ui.uiContainer.style, { position: 'fixed', zIndex: '2147483647', top: '0px', left: '0px', margin: '0' });
    host.addEventListener('pointerenter', () => (this.pointerInside = true));
    host.addEventListener('pointerleave', () => (this.pointerInside = false));
    // Keys are isolated from the page inside the card, so Esc is handled here too.
    ui.shadow.addEventListener('keydown', (event) => {
      if ((event as KeyboardEvent).key === 'Escape') this.hide();
    });
    this.ui = ui;
    return ui;
  }

  async show(mention: PageMention, anchor: DOMRect, focus = false): Promise<void> {
    const candidates = mention.candidates.filter((id) => !this.rejected.has(`${mention.text}\u0000${id}`));
    const shownId = candidates[0] ?? mention.id;
    this.state = { mention, shownId, anchor, pinned: this.state?.pinned ?? false };
    const missing = [...mention.candidates].filter((id) => !this.records.has(id));
    if (missing.length) for (const [id, e] of await fetchEntities(missing)) this.records.set(id, e);
    const shown = this.records.get(shownId);
    const relatedIds = (shown?.related ?? []).filter((id) => !this.records.has(id)).slice(0, 12);
    if (relatedIds.length) for (const [id, e] of await fetchEntities(relatedIds)) this.records.set(id, e);
    await this.draw();
    if (focus) this.ui?.shadow.querySelector<HTMLElement>('button')?.focus();
  }

  async pick(id: string): Promise<void> {
    if (!this.state) return;
    if (!this.records.has(id)) for (const [k, e] of await fetchEntities([id])) this.records.set(k, e);
    this.state = { ...this.state, shownId: id };
    await this.draw();
  }

  moveTo(anchor: DOMRect): void {
    if (!this.state || !this.ui) return;
    this.state.anchor = anchor;
    this.place(this.ui.uiContainer, anchor);
  }

  setContentLanguage(lang: Lang): void {
    this.contentLang = lang;
    if (this.state) void this.draw();
  }

  hide(): void {
    this.state = null;
    this.pointerInside = false;
    this.ui?.remove();
    this.ui = null;
  }

  private async draw(): Promise<void> {
    const state = this.state;
    if (!state) return;
    const entity = this.records.get(state.shownId);
    if (!entity) return;
    const ui = await this.mount();
    const t = translatorOf(this.i18n);
    const uiLang = this.i18n.language as Lang;
    const view = entityView(entity, this.contentLang, uiLang, viewLabels(t));
    const nameOf = (id: string) => {
      const record = this.records.get(id);
      return record ? displayName(record, this.contentLang) : id;
    };
    const others = state.mention.candidates.filter((id) => id !== state.shownId);
    render(
      <EntityCard
        view={view}
        t={t}
        uiLang={uiLang}
        pinned={state.pinned}
        candidates={others.map((id) => ({ id, name: nameOf(id) }))}
        related={entity.related.filter((id) => this.records.has(id)).map((id) => ({ id, name: nameOf(id) }))}
        onPin={() => {
          if (this.state) this.state.pinned = !this.state.pinned;
          void this.draw();
        }}
        onClose={() => this.hide()}
        onPick={(id) => void this.pick(id)}
        onNotThis={() => {
          this.rejected.add(`${state.mention.text}\u0000${state.shownId}`);
          this.onNotThis(state.mention, state.shownId);
          const next = others[0];
          if (next) void this.pick(next);
        }}
        onSave={() => this.onSave(state.mention, state.shownId)}
        libraryUrl={browser.runtime.getURL(`/library.html#entity=${encodeURIComponent(entity.id)}` as '/library.html')}
      />,
      ui.uiContainer,
    );
    this.place(ui.uiContainer, state.anchor);
  }

  /**
   * Below the mention if it fits, else above; in a small viewport (a frame) on the roomier side
   * with its height capped, so the card never covers the mention it explains.
   */
  private place(container: HTMLElement, anchor: DOMRect): void {
    const card = container.querySelector<HTMLElement>('.card');
    if (card) card.style.maxBlockSize = '';
    const width = card?.offsetWidth ?? 380;
    let height = card?.offsetHeight ?? 240;
    const margin = 8;
    const gap = 6;
    const vw = document.documentElement.clientWidth || window.innerWidth;
    const vh = window.innerHeight;
    const below = vh - anchor.bottom - gap - margin;
    const above = anchor.top - gap - margin;
    let top: number;
    if (height <= below) top = anchor.bottom + gap;
    else if (height <= above) top = anchor.top - gap - height;
    else {
      const room = Math.max(below, above, 80);
      height = Math.min(height, room);
      if (card) card.style.maxBlockSize = `${Math.round(room)}px`;
      top = below >= above ? anchor.bottom + gap : anchor.top - gap - height;
    }
    top = Math.max(margin, Math.min(top, vh - height - margin));
    const rtl = this.contentLang === 'ar';
    let left = rtl ? anchor.right - width : anchor.left;
    left = Math.max(margin, Math.min(left, vw - width - margin));
    container.style.top = `${Math.round(top)}px`;
    container.style.left = `${Math.round(left)}px`;
  }
}
