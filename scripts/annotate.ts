/**
 * `npm run annotate -- <file.txt|file.html ...>`: prints one JSON object per line per mention,
 * with the engine and the dataset the extension ships. HTML is reduced to text the way the
 * content script reads a page (same skipped elements, same block joining), through happy-dom.
 */
import { readFileSync } from 'node:fs';
import { Window } from 'happy-dom';
import { findMentions } from '../lib/match';
import { loadDataset } from './load-dataset';

async function htmlToText(html: string): Promise<string> {
  const window = new Window({ settings: { disableJavaScriptEvaluation: true, disableCSSFileLoading: true, disableJavaScriptFileLoading: true } });
  // The content script's own DOM code reads the page; expose happy-dom's globals it relies on.
  Object.assign(globalThis, { Node: window.Node, NodeFilter: window.NodeFilter });
  window.document.write(html);
  const { collectTextNodes } = await import('../entrypoints/content/text-nodes');
  const { joinTextNodes, BLOCK_BREAK } = await import('../entrypoints/content/page-text');
  const body = window.document.body as unknown as Node;
  const text = joinTextNodes(collectTextNodes(body) as unknown as Text[]).text;
  await window.happyDOM.close();
  return text.split(BLOCK_BREAK).join('\n');
}

async function main(files: string[]): Promise<number> {
  if (files.length === 0) {
    console.error('usage: npm run annotate -- <file.txt|file.html ...>');
    return 2;
  }
  const { matcher, byId } = loadDataset();
  let failed = 0;
  for (const file of files) {
    let text: string;
    try {
      const raw = readFileSync(file, 'utf8');
      text = /\.x?html?$/i.test(file) ? await htmlToText(raw) : raw;
    } catch (error) {
      console.error(`${file}: ${(error as Error).message}`);
      failed++;
      continue;
    }
    for (const m of findMentions(matcher, text)) {
      const entity = byId.get(m.id);
      process.stdout.write(
        JSON.stringify({ file, start: m.start, end: m.end, text: m.text, id: m.id, label: entity?.names.en.name ?? m.id, kind: m.kind, candidates: m.candidates }) + '\n',
      );
    }
  }
  return failed ? 1 : 0;
}

main(process.argv.slice(2)).then((code) => process.exit(code));
