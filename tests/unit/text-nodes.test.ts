import { describe, expect, test } from 'vitest';
import { collectTextNodes, textNodeBatches } from '../../entrypoints/content/text-nodes';

function page(html: string): HTMLElement {
  document.body.innerHTML = html;
  return document.body;
}

const texts = (nodes: Text[]) => nodes.map((n) => n.data);

function readAll(next: (maxChars: number, deadline: number) => Text[] | null, deadline = () => Infinity): Text[] {
  const all: Text[] = [];
  for (let b = next(5, deadline()); b; b = next(5, deadline())) all.push(...b);
  return all;
}

describe('reading the page', () => {
  test('skips code, form fields, editable areas, hidden and translate=no text', () => {
    const body = page(
      '<p>one</p><pre>code</pre><textarea>area</textarea><div contenteditable="true"><b>edit</b></div>' +
        '<div contenteditable="false">two</div><p aria-hidden="true">hidden</p><p translate="no">name</p><p>three</p>',
    );
    expect(texts(collectTextNodes(body))).toEqual(['one', 'two', 'three']);
  });

  test('jumps past whole skipped subtrees, however their text is nested', () => {
    const body = page(
      '<p>a</p><div aria-hidden="true"><p>x</p><span>y<b>z</b></span></div><p>b</p>' +
        '<pre>code<br></pre><p><i>c</i><script>var s = 1;</script>d</p><div translate="no"><div><i></i></div></div><p>e</p>',
    );
    expect(texts(collectTextNodes(body))).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  test('reads from the first visible node to the end, then from the top, each node once', () => {
    const body = page('<p>a</p><p>b</p><p>c</p><p>d</p><p>e</p>');
    const c = body.querySelectorAll('p')[2]!.firstChild as Text;
    expect(texts(readAll(textNodeBatches(body, undefined, c)))).toEqual(['c', 'd', 'e', 'a', 'b']);
  });

  test('ignores a start node inside a skipped element', () => {
    const body = page('<p>a</p><pre>x</pre><p>b</p>');
    const x = body.querySelector('pre')!.firstChild as Text;
    expect(texts(readAll(textNodeBatches(body, undefined, x)))).toEqual(['a', 'b']);
  });

  test('looks for shadow roots in slices when the deadline has passed, and still finds them all', () => {
    const body = page(`${'<div><span>x</span></div>'.repeat(3000)}<div id="host"></div><p>end</p>`);
    body.querySelector('#host')!.attachShadow({ mode: 'open' }).innerHTML = '<p>inside</p>';
    // A deadline always in the past: every call may stop early, with an empty batch meaning "later".
    const read = readAll(textNodeBatches(body), () => 0);
    expect(read.length).toBe(3002);
    expect(read.at(-1)!.data).toBe('inside');
  });

  test('reads open shadow roots after the tree that holds them', () => {
    const body = page('<p>a</p><div id="host"></div><p>b</p>');
    const shadow = body.querySelector('#host')!.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<p>inside</p>';
    const met: ShadowRoot[] = [];
    expect(texts(collectTextNodes(body, (s) => met.push(s)))).toEqual(['a', 'b', 'inside']);
    expect(met).toEqual([shadow]);
  });
});
