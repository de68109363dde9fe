/**
 * The command line reads HTML as a stream (reading/streamed-text.ts over parse5's tokenizer),
 * the extension reads the DOM Chromium built. On every corpus page both must give the same
 * text: Chromium parses the page (scripts off, as the command line runs none), the content
 * script's own reading code runs in it, and the streamed reading runs here.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { build } from 'esbuild';
import { chromium, type Browser } from 'playwright-core';
import { SAXParser } from 'parse5-sax-parser';
import { findChromium } from '../support/chromium';
import { CORPUS_PAGES, corpusPagePaths, REPO_ROOT } from '../support/static-server';
import { StreamedText } from '../../reading/streamed-text';
import { readTokens } from '../../scripts/annotate-html';

async function streamed(html: string): Promise<string> {
  let text = '';
  const reader = new StreamedText(
    (t) => (text += t),
    () => {},
  );
  const parser = new SAXParser();
  readTokens(parser, reader);
  const done = new Promise((resolve) => parser.on('finish', resolve));
  parser.end(html);
  await done;
  reader.end();
  return text;
}

/** The content script's reading (collectTextNodes, joinTextNodes), bundled to run in a page. */
async function readingCode(): Promise<string> {
  const out = await build({
    stdin: {
      contents: `import { collectTextNodes } from './reading/text-nodes';
        import { joinTextNodes, BLOCK_BREAK } from './reading/page-text';
        window.__read = () => joinTextNodes(collectTextNodes(document.body)).text.split(BLOCK_BREAK).join('\\n');`,
      resolveDir: REPO_ROOT,
      loader: 'ts',
    },
    bundle: true,
    format: 'iife',
    write: false,
  });
  return out.outputFiles[0]!.text;
}

describe('the streamed reading of HTML against Chromium', () => {
  let browser: Browser;
  let code: string;
  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: findChromium()!, args: ['--no-sandbox', '--disable-gpu'] });
    code = await readingCode();
  });
  afterAll(async () => {
    await browser?.close();
  });

  test('every corpus page reads the same (blocks, skipped parts, head and body)', async () => {
    const pages = corpusPagePaths();
    expect(pages.length).toBeGreaterThan(100);
    const context = await browser.newContext({ javaScriptEnabled: false });
    // Each page is served as it is read here: UTF-8, said in the header, so Chromium does not
    // take another charset from the page's own meta. What the page links to is not fetched.
    let html = '';
    await context.route(/^https?:/, (route) =>
      route.request().url() === 'https://corpus.test/page.html'
        ? route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html })
        : route.abort(),
    );
    const page = await context.newPage();
    const differ: string[] = [];
    for (const path of pages) {
      html = readFileSync(path, 'utf8');
      // A real navigation (page.setContent goes through document.write, which parses differently).
      await page.goto('https://corpus.test/page.html', { waitUntil: 'domcontentloaded' });
      const inChromium = (await page.evaluate(`${code};\nwindow.__read()`)) as string;
      const ours = await streamed(html);
      // Trailing white space after the last block can differ (text after </body> joins the body).
      if (ours.trimEnd() !== inChromium.trimEnd()) differ.push(path.slice(CORPUS_PAGES.length + 1));
    }
    await context.close();
    expect(differ).toEqual([]);
  }, 300_000);
});
