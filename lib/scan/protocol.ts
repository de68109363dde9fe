/**
 * The page scan's wire format. A content script reads the page's text and sends it, a piece at
 * a time, over one port to the extension's own process (the background), where one matcher
 * serves every tab; the mentions come back as offsets. So a tab holds no matcher: no 6 MB
 * bundled one fetched and parsed per page load, no 46 MB pack copy per tab.
 *
 * One port is one document scan (its evidence for contextual aliases, its pending mentions);
 * the port closing (tab closed, background restarted) ends it.
 */
import type { Mention } from '../match/types';
import type { BlockLanguage } from '../lang/detect';

export const SCAN_PORT = 'context-lens-scan';

/** A lang attribute is sent at most this long: it is the page's to make, and only its first subtags count. */
export const MAX_TAG = 100;

export function wireTag(tag: string | null): string | null {
  return tag === null ? null : tag.slice(0, MAX_TAG);
}

/** A block of a piece: where it starts in the piece, and the lang attribute above it (null: the document's). */
export interface WireBlock {
  at: number;
  tag: string | null;
}

/** The blocks of text[from, to), offsets from `from`: the one holding `from` starts at 0. */
export function blocksBetween(blocks: readonly WireBlock[], from: number, to: number): WireBlock[] {
  let k = 0;
  while (k + 1 < blocks.length && blocks[k + 1]!.at <= from) k++;
  const piece: WireBlock[] = [];
  for (; k < blocks.length && blocks[k]!.at < to; k++)
    piece.push({ at: Math.max(0, blocks[k]!.at - from), tag: blocks[k]!.tag });
  return piece;
}

export type ScanRequest =
  /** The first message of a port: the document's own lang attribute. */
  | { type: 'start'; rootTag: string | null }
  /** A piece of page text at document offset `base`; its blocks (the first at 0) carry their languages. */
  | { type: 'piece'; seq: number; text: string; base: number; blocks: WireBlock[] };

export interface ScanReply {
  seq: number;
  /** Mentions confirmed by this piece, then earlier pending ones it confirmed; document offsets. */
  mentions: Mention[];
  /** The document's language, decided from its lang attribute and the first piece's text. */
  pageLanguage: BlockLanguage | null;
  /** The matcher that found them: 'bundled' or the packs' version. */
  matcher: string;
}

/** The background could not scan (no matcher): the content script stays quiet. */
export interface ScanFailure {
  seq: number;
  error: string;
}
