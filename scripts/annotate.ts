/**
 * `npm run annotate -- <file.txt|file.html ...>`: prints one JSON object per line per mention,
 * with the engine and the dataset the extension ships. HTML is reduced to text the way the
 * content script reads a page (same skipped elements, same block joining), through happy-dom.
 */
import { readFileSync } from 'node:fs';
import { Window } from 'happy-dom';
import { findMentions } from '../lib/match';
import { documentLanguage, languageOfTag } from '../lib/lang/detect';
import { languageRunsOfText, type LanguageRuns } from '../lib/lang/runs';
import { loadDataset } from './load-dataset';

/** The page's text (blocks on lines of their own) and the languages of its blocks, read as the content script reads them. */
async function htmlToText(html: string, langTag: string | null): Promise<{ text: string; langs: LanguageRuns }> {
  const window = new Window({ settings: { disableJavaScriptEvaluation: true, disableCSSFileLoading: true, disableJavaScriptFileLoading: true } });
  // The content script's own DOM code reads the page; expose happy-dom's globals it relies on.
  Object.assign(globalThis, { Node: window.Node, NodeFilter: window.NodeFilter });
  window.document.write(html);
  const { collectTextNodes } = await import('../entrypoints/content/text-nodes');
  const { joinTextNodes, pageLanguageRuns, rootLanguageTag, BLOCK_BREAK } = await import('../entrypoints/content/page-text');
  const body = window.document.body as unknown as Node;
  const page = joinTextNodes(collectTextNodes(body) as unknown as Text[]);
  // --lang stands for the page's own lang attribute, as a fix for pages that state none or a wrong one.
  const declared = languageOfTag(langTag ?? rootLanguageTag(window.document as unknown as Document));
  const langs = pageLanguageRuns(page, documentLanguage(declared, page.text));
  await window.happyDOM.close();
  // The block break becomes a line break: one character for one, so offsets and runs still hold.
  return { text: page.text.split(BLOCK_BREAK).join('\n'), langs };
}

/** NUL bytes early in a file: a binary file (an image, a PDF, an archive), not text to read. */
function looksBinary(bytes: Buffer): boolean {
  const head = bytes.subarray(0, 8000);
  return head.includes(0);
}

/** Writes to stdout, resolving once the data is handed on (a pipe that fills up waits for its reader). */
function write(text: string): Promise<void> {
  return new Promise((resolve) => {
    if (process.stdout.write(text)) resolve();
    else process.stdout.once('drain', () => resolve());
  });
}

async function main(args: string[]): Promise<number> {
  const files: string[] = [];
  let langTag: string | null = null;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--lang') langTag = args[++i] ?? '';
    else if (arg.startsWith('--lang=')) langTag = arg.slice('--lang='.length);
    else files.push(arg);
  }
  if (langTag !== null && languageOfTag(langTag) === null) {
    console.error(`--lang: "${langTag}" is not a language tag (en, fr, es, ru, zh, ar, or another BCP 47 tag)`);
    return 2;
  }
  if (files.length === 0) {
    console.error('usage: npm run annotate -- [--lang en|fr|es|ru|zh|ar|<other>] <file.txt|file.html ...>');
    return 2;
  }
  const { matcher, byId } = loadDataset();
  let failed = 0;
  for (const file of files) {
    // Each file on its own: one that fails is named on stderr and the others are still read.
    try {
      const bytes = readFileSync(file);
      if (looksBinary(bytes)) {
        console.error(`${file}: skipped: a binary file, not text or HTML`);
        continue;
      }
      const raw = bytes.toString('utf8');
      const { text, langs } = /\.x?html?$/i.test(file) ? await htmlToText(raw, langTag) : { text: raw, langs: languageRunsOfText(raw, langTag) };
      let out = '';
      for (const m of findMentions(matcher, text, langs)) {
        const entity = byId.get(m.id);
        out += JSON.stringify({ file, start: m.start, end: m.end, text: m.text, id: m.id, label: entity?.names.en.name ?? m.id, kind: m.kind, candidates: m.candidates }) + '\n';
      }
      await write(out);
    } catch (error) {
      console.error(`${file}: ${(error as Error).message}`);
      failed++;
    }
  }
  return failed ? 1 : 0;
}

// A reader that stops early (`| head`) closes the pipe: that is not an error, stop quietly.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

main(process.argv.slice(2)).then(
  // Everything written has been handed on (write() waited); exit without cutting a pipe short.
  (code) => process.stdout.write('', () => process.exit(code)),
  (error: unknown) => {
    console.error((error as Error).message);
    process.exit(1);
  },
);
