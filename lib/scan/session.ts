/**
 * One page's scan in the background: the document's language, decided once, and one live
 * document scan over every piece the page sends (see protocol.ts). Browser-free.
 */
import { createLiveDocumentScan, type LiveDocumentScan, type Matcher } from '../match';
import { blockLanguage, documentLanguage, languageOfTag, type BlockLanguage } from '../lang/detect';
import { LanguageRuns } from '../lang/runs';
import type { ScanReply, WireBlock } from './protocol';

/** Language runs of a piece: each block's declared language checked against its own text, when first asked for. */
export function runsOfBlocks(
  text: string,
  blocks: readonly WireBlock[],
  pageLanguage: BlockLanguage | null,
): LanguageRuns {
  const runs = new LanguageRuns();
  const declared = new Map<string | null, BlockLanguage | null>();
  const declaredBy = (tag: string | null): BlockLanguage | null => {
    let lang = declared.get(tag);
    if (lang === undefined) declared.set(tag, (lang = tag === null ? pageLanguage : languageOfTag(tag)));
    return lang;
  };
  if (blocks.length === 0 || blocks[0]!.at !== 0) {
    const to = blocks[0]?.at ?? text.length;
    runs.pushUndecided(0, () => blockLanguage(pageLanguage, text, 0, to));
  }
  for (let k = 0; k < blocks.length; k++) {
    const { at, tag } = blocks[k]!;
    const lang = declaredBy(tag);
    const to = k + 1 < blocks.length ? Math.max(at, blocks[k + 1]!.at - 1) : text.length;
    runs.pushUndecided(at, () => blockLanguage(lang, text, at, to));
  }
  return runs;
}

export class ScanSession {
  private readonly doc: LiveDocumentScan;
  /** undefined until the first piece's text has been read. */
  private pageLanguage: BlockLanguage | null | undefined;

  constructor(
    matcher: Matcher,
    private readonly matcherVersion: string,
    private readonly rootTag: string | null,
  ) {
    this.doc = createLiveDocumentScan(matcher);
  }

  /** Scans one piece; returns what it confirmed and what it confirmed of earlier pieces. */
  piece(seq: number, text: string, base: number, blocks: readonly WireBlock[]): ScanReply {
    if (this.pageLanguage === undefined && /\S/.test(text))
      this.pageLanguage = documentLanguage(languageOfTag(this.rootTag), text);
    const pageLanguage = this.pageLanguage ?? null;
    const mentions = this.doc.add(text, base, runsOfBlocks(text, blocks, pageLanguage));
    for (const m of this.doc.pendingResolved()) mentions.push(m);
    return { seq, mentions, pageLanguage, matcher: this.matcherVersion };
  }
}
