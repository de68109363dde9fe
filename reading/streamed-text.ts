/**
 * A page's readable text built from a stream of HTML tokens (start tags, end tags, text), the
 * way the content script reads the live DOM (reading/text-nodes.ts, page-text.ts):
 * the body's text without skipped subtrees (reading/rules.ts), whitespace-only text
 * nodes left out, text nodes of one block joined as they read and blocks separated by a break.
 * Each run of one block is handed on with the language its nearest `lang` attribute declares.
 *
 * The tokens come from a spec tokenizer (the command line uses parse5's), so comments, scripts,
 * an unclosed `<!--` or `<textarea>` are read as a browser reads them. There is no tree
 * builder: an end tag closes up to its open element and implied end tags (`<p>` before `<div>`)
 * are not inferred, which changes where blocks start only in markup that relies on them.
 * Nothing here holds more than the open elements and the current text node.
 */
import { INLINE_TAGS, keepsWhitespace, SKIPPED_TAGS, skippedByAttributes, type SiblingKind } from './rules';

/** Elements that never have content (no end tag, never on the stack). */
const VOID_TAGS = new Set([
  'AREA',
  'BASE',
  'BR',
  'COL',
  'EMBED',
  'HR',
  'IMG',
  'INPUT',
  'LINK',
  'META',
  'PARAM',
  'SOURCE',
  'TRACK',
  'WBR',
  'KEYGEN',
]);
/** What may stand in the head; anything else (or text) ends it, as the body begins. */
const HEAD_CONTENT = new Set(['META', 'LINK', 'TITLE', 'STYLE', 'SCRIPT', 'BASE', 'NOSCRIPT', 'TEMPLATE']);

export interface Attribute {
  name: string;
  value: string;
}

/** One run of text of one block: where it starts in the text, and the `lang` declared over it. */
export interface BlockRun {
  start: number;
  /** The nearest lang attribute at or above the block; null when none, or when it is the root's. */
  declared: string | null;
}

interface Open {
  tag: string;
  /** The nearest block element at or above this one (itself when it is a block). */
  block: Open | null;
  /** The lang attribute at or above this element, below the root; null for none. */
  lang: string | null;
  /** True when this element or one above it keeps its subtree from being read. */
  skipped: boolean;
  /** What its last child so far is (a whitespace-only text node is read by its siblings). */
  last: SiblingKind;
}

export class StreamedText {
  /** The root element's lang attribute (rootLanguageTag), once its start tag was read. */
  rootLang: string | null = null;
  private readonly stack: Open[] = [];
  private pending = '';
  private lastBlock: Open | null | undefined;
  private length = 0;
  /** Once the body began, a late <head> is ignored and a <title> is body text (a browser's reading). */
  private inBody = false;
  /** The last child of the document's top level (outside any element on the stack). */
  private topLast: SiblingKind = 'none';

  /**
   * @param onText receives the text as it is read, in order: node texts and the block breaks
   *   (`breakChar`) between them. Offsets are the sum of the lengths handed on.
   * @param onRun receives each new block run before its text.
   */
  constructor(
    private readonly onText: (text: string) => void,
    private readonly onRun: (run: BlockRun) => void,
    private readonly breakChar = '\n',
  ) {}

  /** Characters handed on so far. */
  get textLength(): number {
    return this.length;
  }

  startTag(name: string, attrs: readonly Attribute[]): void {
    const tag = name.toUpperCase();
    this.flush(INLINE_TAGS.has(tag) ? 'inline' : 'other');
    const attribute = (n: string): string | null => attrs.find((a) => a.name === n)?.value ?? null;
    if (tag === 'HTML') {
      if (this.stack.length === 0) this.rootLang = attribute('lang') || null;
      return; // the root is not on the stack: its lang is the document's, checked against the text
    }
    if (tag === 'HEAD') {
      if (this.inBody) return;
    } else if (!HEAD_CONTENT.has(tag)) this.leaveHead();
    this.setLast(INLINE_TAGS.has(tag) ? 'inline' : 'other');
    if (VOID_TAGS.has(tag)) return;
    const parent = this.stack[this.stack.length - 1];
    const lang = attribute('lang');
    const open: Open = {
      tag,
      block: null,
      lang: lang !== null ? lang : (parent?.lang ?? null),
      last: 'none',
      skipped:
        (parent?.skipped ?? false) ||
        SKIPPED_TAGS.has(tag) ||
        tag === 'HEAD' ||
        (tag === 'TITLE' && !this.inBody) ||
        skippedByAttributes(attribute),
    };
    open.block = INLINE_TAGS.has(tag) ? (parent?.block ?? null) : open;
    this.stack.push(open);
  }

  endTag(name: string): void {
    const tag = name.toUpperCase();
    // Closes up to the matching open element; a stray end tag closes nothing.
    for (let k = this.stack.length - 1; k >= 0; k--) {
      if (this.stack[k]!.tag === tag) {
        this.flush('none');
        this.stack.length = k;
        return;
      }
    }
  }

  /** Character data; consecutive calls belong to one text node until the next tag or comment. */
  text(chunk: string): void {
    this.pending += chunk;
  }

  /** A comment (or doctype) ends the text node before it, and is its next sibling. */
  boundary(): void {
    this.flush('other');
    this.setLast('other');
  }

  end(): void {
    this.flush('none');
  }

  private setLast(kind: SiblingKind): void {
    const top = this.stack[this.stack.length - 1];
    if (top) top.last = kind;
    else this.topLast = kind;
  }

  /** The body begins: an open head (its end tag is optional) closes. */
  private leaveHead(): void {
    this.inBody = true;
    const head = this.stack.findIndex((o) => o.tag === 'HEAD');
    if (head >= 0) this.stack.length = head;
  }

  /** The text node read so far is complete; `after` is what comes next to it (its next sibling). */
  private flush(after: SiblingKind): void {
    const data = this.pending;
    if (data === '') return;
    this.pending = '';
    // Text standing in the head itself (not in its title or scripts) starts the body.
    const open = this.stack[this.stack.length - 1];
    if (!this.inBody && data.trim() !== '' && (open === undefined || open.tag === 'HEAD')) this.leaveHead();
    const top = this.stack[this.stack.length - 1];
    const before = top ? top.last : this.topLast;
    this.setLast('text');
    if (top?.skipped) return;
    if (data.trim() === '' && !keepsWhitespace(before, after)) return;
    // Text outside any element is the body's (the block of text directly in the body is the body).
    const block = top ? top.block : null;
    if (this.lastBlock !== undefined && block !== this.lastBlock) this.emit(this.breakChar);
    if (block !== this.lastBlock) this.onRun({ start: this.length, declared: block ? block.lang : null });
    this.lastBlock = block;
    this.emit(data);
  }

  private emit(text: string): void {
    this.length += text.length;
    this.onText(text);
  }
}
