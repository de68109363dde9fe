/**
 * The command line's reading of an HTML file: streamed through parse5's spec tokenizer (so a
 * 50 MB page is never a DOM in memory), reduced to text by reading/streamed-text.ts with the
 * content script's reading rules, and scanned a piece at a time as it streams in. Memory holds
 * the piece being read and the mentions found, not the page.
 */
import { createReadStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { SAXParser } from 'parse5-sax-parser';
import { StreamedText, type BlockRun } from '../reading/streamed-text';
import { createDocumentScan, type Matcher, type Mention } from '../lib/match';
import { blockLanguage, documentLanguage, languageOfTag, type BlockLanguage } from '../lib/lang/detect';
import { LanguageRuns } from '../lib/lang/runs';

/** Hands the tokenizer's tokens to the reader (the one place the two are wired). */
export function readTokens(parser: SAXParser, reader: StreamedText): void {
  parser.on('startTag', (t) => reader.startTag(t.tagName, t.attrs));
  parser.on('endTag', (t) => reader.endTag(t.tagName));
  parser.on('text', (t) => reader.text(t.text));
  parser.on('comment', () => reader.boundary());
  parser.on('doctype', () => reader.boundary());
}

/** Text gathered before the engine reads it: cut at a block break, so no name is cut. */
const PIECE_CHARS = 1 << 20;

/**
 * The mentions in an HTML file, offsets in its text with one line break between blocks (what
 * `annotate` prints). `langTag` (--lang) stands for the page's own lang attribute.
 */
export async function mentionsInHtmlFile(matcher: Matcher, file: string, langTag: string | null): Promise<Mention[]> {
  const scan = createDocumentScan(matcher);
  const parts: string[] = [];
  let partsLength = 0;
  /** Document offset of parts[0]'s first character. */
  let base = 0;
  /** The block runs of the text not scanned yet. */
  let runs: BlockRun[] = [];
  let root: BlockLanguage | null | undefined;
  const reader = new StreamedText(
    (text) => {
      parts.push(text);
      partsLength += text.length;
    },
    (run) => {
      // A new block begins: the ones before it are complete, their languages can be told.
      if (partsLength >= PIECE_CHARS) scanUpTo(run.start);
      runs.push(run);
    },
  );

  /** Scans the text read so far, up to document offset `end` (a block's start). */
  function scanUpTo(end: number): void {
    const all = parts.join('');
    const piece = all.slice(0, end - base);
    if (root === undefined) root = documentLanguage(languageOfTag(langTag ?? reader.rootLang), piece);
    const langs = new LanguageRuns();
    const kept: BlockRun[] = [];
    for (let k = 0; k < runs.length; k++) {
      const run = runs[k]!;
      if (run.start >= end) {
        kept.push(run);
        continue;
      }
      const from = run.start - base;
      // The run ends before the next run's block break, or where the piece ends.
      const next = k + 1 < runs.length && runs[k + 1]!.start < end ? runs[k + 1]!.start - base - 1 : piece.length;
      const declared = run.declared === null ? root : languageOfTag(run.declared);
      langs.pushUndecided(from, () => blockLanguage(declared, piece, from, next));
    }
    if (piece.length) scan.add(piece, base, langs);
    runs = kept;
    parts.length = 0;
    const rest = all.slice(end - base);
    if (rest) parts.push(rest);
    partsLength = rest.length;
    base = end;
  }

  const parser = new SAXParser();
  readTokens(parser, reader);
  await pipeline(createReadStream(file, { encoding: 'utf8', highWaterMark: 1 << 16 }), parser);
  reader.end();
  scanUpTo(reader.textLength);
  return scan.results();
}
