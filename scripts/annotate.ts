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
    let text: string;
    let langs: LanguageRuns;
    try {
      const raw = readFileSync(file, 'utf8');
      if (/\.x?html?$/i.test(file)) ({ text, langs } = await htmlToText(raw, langTag));
      else [text, langs] = [raw, languageRunsOfText(raw, langTag)];
    } catch (error) {
      console.error(`${file}: ${(error as Error).message}`);
      failed++;
      continue;
    }
    for (const m of findMentions(matcher, text, langs)) {
      const entity = byId.get(m.id);
      process.stdout.write(
        JSON.stringify({ file, start: m.start, end: m.end, text: m.text, id: m.id, label: entity?.names.en.name ?? m.id, kind: m.kind, candidates: m.candidates }) + '\n',
      );
    }
  }
  return failed ? 1 : 0;
}

main(process.argv.slice(2)).then((code) => process.exit(code));
