/**
 * The hover card's place in the page: which mention it explains, where it goes (below the
 * mention if it fits, else above), pin and close. What it shows is drawn by the UI frame
 * (ui-frame-host.ts), which fetches the records itself: entity data never enters the page.
 */
import type { DismissScope } from '../../lib/dismissals';
import type { Lang } from '../../lib/dataset/basics';
import type { SaveOutcome } from '../../lib/protocol';
import type { FromFrameMessage } from '../../lib/ui-frame-protocol';
import type { PageMention } from './mention-index';
import { FrameSurface, type Placement } from './ui-frame-host';
import type { Lifetime } from './lifetime';

export interface CardState {
  mention: PageMention;
  anchor: DOMRect;
  pinned: boolean;
}

export interface CardLanguages {
  uiLang: Lang;
  contentLang: Lang;
}

const MARGIN = 8;
const GAP = 6;

/**
 * Below the mention if it fits, else above; where neither fits (a small frame), on the roomier
 * side with the height capped, so the card never covers the mention it explains.
 */
export function placeNear(anchor: DOMRect, size: { width: number; height: number }, rtl: boolean): Placement {
  const vw = document.documentElement.clientWidth || window.innerWidth;
  const vh = window.innerHeight;
  const width = Math.min(size.width, vw);
  let height = size.height;
  const below = vh - anchor.bottom - GAP - MARGIN;
  const above = anchor.top - GAP - MARGIN;
  let top: number;
  if (height <= below) top = anchor.bottom + GAP;
  else if (height <= above) top = anchor.top - GAP - height;
  else {
    height = Math.max(below, above, 80);
    top = below >= above ? anchor.bottom + GAP : anchor.top - GAP - height;
  }
  top = Math.max(0, Math.min(top, vh - height));
  let left = rtl ? anchor.right - width : anchor.left;
  left = Math.max(0, Math.min(left, vw - width));
  return { top, left, width, height };
}

export class CardHost {
  private state: CardState | null = null;
  /** "Not this one" choices for this page: mention text + rejected entity id. */
  private readonly rejected = new Set<string>();
  private readonly surface: FrameSurface;

  constructor(
    life: Lifetime,
    private languages: CardLanguages,
    private readonly onSave: (mention: PageMention, id: string) => Promise<SaveOutcome>,
    private readonly onDismiss: (text: string, id: string, scope: DismissScope) => Promise<void>,
  ) {
    this.surface = new FrameSurface(life, (message) => void this.onFrame(message));
  }

  get current(): CardState | null {
    return this.state;
  }

  get pointerInside(): boolean {
    return this.surface.pointerInside;
  }

  /** Loads the frame ahead of time (the pointer rests on a mention, the card will follow). */
  prepare(): void {
    this.surface.prepare();
  }

  async show(mention: PageMention, anchor: DOMRect, focus = false): Promise<void> {
    const candidates = mention.candidates.filter((id) => !this.rejected.has(`${mention.text}\u0000${id}`));
    if (candidates.length === 0) return;
    this.state = { mention, anchor, pinned: this.state?.pinned ?? false };
    const shown = await this.surface.show(
      {
        type: 'card',
        payload: {
          text: mention.text.slice(0, 1000),
          candidates: candidates.slice(0, 50),
          pinned: this.state.pinned,
          focus,
          ...this.languages,
        },
      },
      (size) => placeNear(this.state?.anchor ?? anchor, size, this.languages.contentLang === 'ar'),
    );
    if (!shown) this.state = null;
    else if (focus) this.surface.focus();
  }

  moveTo(anchor: DOMRect): void {
    if (!this.state) return;
    this.state.anchor = anchor;
    this.surface.reposition();
  }

  setLanguages(languages: CardLanguages): void {
    const changed = languages.contentLang !== this.languages.contentLang || languages.uiLang !== this.languages.uiLang;
    this.languages = languages;
    if (changed) this.surface.post({ type: 'languages', payload: { ...languages } });
  }

  hide(): void {
    this.state = null;
    this.surface.hide();
  }

  private async onFrame(message: FromFrameMessage): Promise<void> {
    const state = this.state;
    switch (message.type) {
      case 'close':
        this.hide();
        break;
      case 'pin':
        if (state) state.pinned = message.payload.pinned;
        break;
      case 'notThis':
        this.rejected.add(`${message.payload.text}\u0000${message.payload.entityId}`);
        break;
      case 'dismiss':
        // Only for the mention the card is about: the frame cannot name another text.
        if (!state || message.payload.text !== state.mention.text) break;
        this.hide();
        await this.onDismiss(message.payload.text, message.payload.entityId, message.payload.scope);
        break;
      case 'saveMention': {
        const outcome: SaveOutcome = state
          ? await this.onSave(state.mention, message.payload.entityId)
          : { ok: false, reason: 'failed' };
        this.surface.answer(message.payload.request, outcome);
        break;
      }
      default:
        break;
    }
  }
}
