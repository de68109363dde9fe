/**
 * The page's text from a stream of HTML tokens (parse5's spec tokenizer), read by the content
 * script's rules. tests/e2e/streamed-reading.chromium.e2e.ts holds it against real Chromium on
 * the corpus; these cases pin each rule.
 */
import { describe, expect, test } from 'vitest';
import { SAXParser } from 'parse5-sax-parser';
import { StreamedText, type BlockRun } from '../../../reading/streamed-text';
import { readTokens } from '../../../scripts/annotate-html';

/** Reads an HTML string in chunks of `chunk` characters: the text, with "|" between blocks, and the runs. */
async function read(html: string, chunk = 7): Promise<{ text: string; runs: BlockRun[]; rootLang: string | null }> {
  let text = '';
  const runs: BlockRun[] = [];
  const reader = new StreamedText(
    (t) => (text += t),
    (r) => runs.push(r),
    '|',
  );
  const parser = new SAXParser();
  readTokens(parser, reader);
  const done = new Promise((resolve) => parser.on('finish', resolve));
  for (let at = 0; at < html.length; at += chunk) parser.write(html.slice(at, at + chunk));
  parser.end();
  await done;
  reader.end();
  return { text, runs, rootLang: reader.rootLang };
}

describe('reading HTML as a stream', () => {
  test('joins the text of a block as it reads and breaks between blocks', async () => {
    const { text } = await read(
      '<body><p><a href="#">Secretary-General</a> Ban Ki-moon</p><p>UNICEF</p><ul><li>a<li>b</ul></body>',
    );
    expect(text).toBe('Secretary-General Ban Ki-moon|UNICEF|a|b');
  });

  test('skips the head, scripts, code, form fields and editable, hidden or untranslated parts', async () => {
    const { text } = await read(
      '<html><head><title>T</title><style>p{}</style></head><body><p>one</p><script>var UNICEF;</script><pre>code</pre>' +
        '<textarea>area</textarea><div contenteditable>edit</div><p aria-hidden="true">hidden</p><p translate="no">name</p>' +
        '<div contenteditable="false">two</div><p>three<!-- comment --></p></body></html>',
    );
    expect(text).toBe('one|two|three');
  });

  test('an unclosed comment or textarea hides everything after it, as in a browser', async () => {
    expect((await read('<p>before</p><!-- never closed <p>UNICEF</p>')).text).toBe('before');
    expect((await read('<p>before</p><textarea><p>UNICEF</p>')).text).toBe('before');
  });

  test('a title in the body is body text; a late <head> is ignored', async () => {
    expect((await read('<html><div>first</div><head><title>Late title</title></head><p>after</p>')).text).toBe(
      'first|Late title|after',
    );
    expect((await read('<title>In the head</title><p>body</p>')).text).toBe('body');
  });

  test('text standing in the head starts the body', async () => {
    expect((await read('<html><head><meta charset="utf-8">Stray text<p>para</p>')).text).toBe('Stray text|para');
  });

  test("runs carry the nearest lang below the root; the root lang is the document's", async () => {
    const { text, runs, rootLang } = await read(
      '<html lang="en"><body><p>one</p><div lang="fr"><p>deux <span lang="es">tres</span></p></div><p>four</p></body></html>',
    );
    expect(rootLang).toBe('en');
    expect(text).toBe('one|deux tres|four');
    expect(runs).toEqual([
      { start: 0, declared: null },
      { start: 4, declared: 'fr' },
      { start: 14, declared: null },
    ]);
  });

  test('the space between two inline elements is read, so their words do not run together', async () => {
    expect((await read('<p><a href="#">UNICEF</a> <em>said</em></p>')).text).toBe('UNICEF said');
    expect((await read('<p>The <b>Secretary-General</b> <a>Ban Ki-moon</a></p>')).text).toBe(
      'The Secretary-General Ban Ki-moon',
    );
    // Between blocks, or next to a comment, it is nothing.
    expect((await read('<div><p>one</p> <p>two</p></div><p><b>x</b> <!-- c --></p>')).text).toBe('one|two|x');
  });

  test('entities are decoded and whitespace-only text nodes are left out', async () => {
    expect((await read('<p>  </p><p>Caf&eacute; &amp; UN</p>\n<p>\n</p>')).text).toBe('Café & UN');
  });
});
