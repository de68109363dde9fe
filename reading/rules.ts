/**
 * Which text of a page is read, and what counts as one block of it: the rules the content
 * script applies to the live DOM (reading/text-nodes.ts, page-text.ts) and the
 * command line applies to an HTML stream (reading/streamed-text.ts). One table, so both read
 * a page the same way.
 */

/** Elements whose whole subtree is never read: code, form fields, scripts, embedded content. */
export const SKIPPED_TAGS: ReadonlySet<string> = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'TEXTAREA',
  'INPUT',
  'SELECT',
  'OPTION',
  'CODE',
  'PRE',
  'KBD',
  'SAMP',
  'SVG',
  'MATH',
  'IFRAME',
  'OBJECT',
  'CANVAS',
]);

/** Elements that do not start a block: text inside them reads on with the text around them. */
export const INLINE_TAGS: ReadonlySet<string> = new Set([
  'A',
  'ABBR',
  'B',
  'BDI',
  'BDO',
  'CITE',
  'DATA',
  'DFN',
  'EM',
  'FONT',
  'I',
  'LABEL',
  'MARK',
  'Q',
  'S',
  'SMALL',
  'SPAN',
  'STRONG',
  'SUB',
  'SUP',
  'TIME',
  'U',
  'VAR',
  'WBR',
  'INS',
  'DEL',
  'NOBR',
  'TT',
]);

/** Whether a tag name (any case) is an inline tag; cached, since it is asked per text node's parent. */
const inlineByTag = new Map<string, boolean>();
export function isInlineTag(tag: string): boolean {
  let inline = inlineByTag.get(tag);
  if (inline === undefined) {
    inline = INLINE_TAGS.has(tag.toUpperCase());
    inlineByTag.set(tag, inline);
  }
  return inline;
}

/**
 * What a whitespace-only text node is worth reading for. Most sit between blocks and are read
 * as nothing; one between two pieces of inline content ("<a>UNICEF</a> <em>said</em>") is the
 * space a reader sees, and without it the words run together ("UNICEFsaid", no name found).
 * `before` and `after` say what its siblings are: text, an inline element, or something else.
 */
export type SiblingKind = 'text' | 'inline' | 'other' | 'none';
export function keepsWhitespace(before: SiblingKind, after: SiblingKind): boolean {
  return (before === 'text' || before === 'inline') && (after === 'text' || after === 'inline');
}

/**
 * True when an element's attributes keep its subtree from being read: an editable area, a
 * "do not translate" region (names of products, code), or one hidden from assistive technology.
 */
export function skippedByAttributes(attribute: (name: string) => string | null): boolean {
  const editable = attribute('contenteditable');
  if (editable !== null && editable !== 'false') return true;
  if (attribute('translate') === 'no') return true;
  return attribute('aria-hidden') === 'true';
}
