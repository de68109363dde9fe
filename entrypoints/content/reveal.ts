/**
 * The popup's "show me": scrolls to a mention of one entity (the first, or the next or previous
 * one after the last shown) and flashes it briefly in its own highlight.
 */
import type { MentionIndex, PageMention } from './mention-index';
import { rectOfRange, scrollToMention } from './hover';
import type { Lifetime } from './lifetime';

const FLASH = 'context-lens-flash';
const FLASH_MS = 1600;

export interface RevealResult {
  ok: boolean;
  /** 1-based position of the mention shown among the entity's mentions. */
  position: number;
  total: number;
}

export class Revealer {
  private readonly cursor = new Map<string, number>();
  private flashTimer: number | undefined;

  constructor(
    private readonly life: Lifetime,
    private readonly index: MentionIndex,
  ) {}

  reveal(id: string, direction: 'first' | 'next' | 'previous'): RevealResult {
    const mentions = this.index.inDocumentOrder().filter((m) => m.id === id || m.candidates.includes(id));
    if (mentions.length === 0) return { ok: false, position: 0, total: 0 };
    const last = this.cursor.get(id);
    let at = 0;
    if (direction === 'next' && last !== undefined) at = (last + 1) % mentions.length;
    else if (direction === 'previous')
      at = last === undefined ? mentions.length - 1 : (last - 1 + mentions.length) % mentions.length;
    this.cursor.set(id, at);
    const mention = mentions[at]!;
    scrollToMention(mention, true);
    this.flash(mention);
    return { ok: true, position: at + 1, total: mentions.length };
  }

  /** Scrolls to any passage (a saved note's) and flashes it. */
  revealRange(range: AbstractRange): void {
    const rect = rectOfRange(range);
    if (rect.top < 0 || rect.bottom > window.innerHeight)
      window.scrollBy({ top: rect.top - window.innerHeight / 3, behavior: 'instant' as ScrollBehavior });
    this.flashRange(range);
  }

  private flash(mention: PageMention): void {
    this.flashRange(mention.range);
  }

  private flashRange(range: AbstractRange): void {
    this.life.clearTimeout(this.flashTimer);
    CSS.highlights.set(FLASH, new Highlight(range));
    this.flashTimer = this.life.setTimeout(() => {
      CSS.highlights.delete(FLASH);
      this.flashTimer = undefined;
    }, FLASH_MS);
  }

  clear(): void {
    this.life.clearTimeout(this.flashTimer);
    this.flashTimer = undefined;
    CSS.highlights.delete(FLASH);
    this.cursor.clear();
  }
}
