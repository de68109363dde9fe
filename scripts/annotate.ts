/**
 * `npm run annotate -- <file.txt|file.html ...>`: prints one JSON object per line per mention,
 * with the engine and the dataset the extension ships. HTML is streamed and reduced to text the
 * way the content script reads a page (same skipped elements, same block joining): see
 * scripts/annotate-html.ts.
 */
import { closeSync, openSync, readFileSync, readSync } from 'node:fs';
import { findMentions, type Mention } from '../lib/match';
import { languageOfTag } from '../lib/lang/detect';
import { languageRunsOfText } from '../lib/lang/runs';
import { loadDataset } from './load-dataset';
import { mentionsInHtmlFile } from './annotate-html';

/** NUL bytes early in a file: a binary file (an image, a PDF, an archive), not text to read. */
function looksBinary(file: string): boolean {
  const fd = openSync(file, 'r');
  try {
    const head = Buffer.alloc(8000);
    return head.subarray(0, readSync(fd, head, 0, head.length, 0)).includes(0);
  } finally {
    closeSync(fd);
  }
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
      if (looksBinary(file)) {
        console.error(`${file}: skipped: a binary file, not text or HTML`);
        continue;
      }
      let mentions: Mention[];
      if (/\.x?html?$/i.test(file)) mentions = await mentionsInHtmlFile(matcher, file, langTag);
      else {
        const text = readFileSync(file, 'utf8');
        mentions = findMentions(matcher, text, languageRunsOfText(text, langTag));
      }
      // Written a block of lines at a time: one string for a page's 500,000 mentions would be huge.
      let out = '';
      for (const m of mentions) {
        const entity = byId.get(m.id);
        out +=
          JSON.stringify({
            file,
            start: m.start,
            end: m.end,
            text: m.text,
            id: m.id,
            label: entity?.names.en.name ?? m.id,
            kind: m.kind,
            candidates: m.candidates,
          }) + '\n';
        if (out.length > 1 << 20) {
          await write(out);
          out = '';
        }
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
