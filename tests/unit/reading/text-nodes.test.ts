// @vitest-environment happy-dom
import { describe, expect, test } from 'vitest';
import { collectTextNodes, textNodeBatches } from '../../../reading/text-nodes';

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

  test('a walk whose place was taken out of the page between calls goes on from the top', () => {
    const body = page('<p>a</p><div id="gone"><p>b</p><p>c</p></div><p>d</p><p>e</p>');
    const next = textNodeBatches(body);
    const first = next(1, Infinity)!;
    const second = next(1, Infinity)!;
    expect(texts([...first, ...second])).toEqual(['a', 'b']);
    body.querySelector('#gone')!.remove();
    // Not just what was left inside the removed block: the page's own text, from the top.
    expect(texts(readAll(next))).toEqual(['a', 'd', 'e']);
  });

  test('a walk from a start node that loses its place reads the rest from the top, to the end', () => {
    const body = page('<p>a</p><p>b</p><div id="gone"><p>c</p><p>d</p></div><p>e</p>');
    const c = body.querySelector('#gone p')!.firstChild as Text;
    const next = textNodeBatches(body, undefined, c);
    expect(texts(next(1, Infinity)!)).toEqual(['c']);
    body.querySelector('#gone')!.remove();
    expect(texts(readAll(next))).toEqual(['a', 'b', 'e']);
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

describe('the space between inline elements', () => {
  test('is read between two inline elements or texts, not between blocks', async () => {
    const { joinTextNodes, BLOCK_BREAK } = await import('../../../reading/page-text');
    const body = page(
      '<p><a href="#">UNICEF</a> <em>said</em></p><div><p>one</p> <p>two</p></div><p>The <b>WHO</b> <!-- c --></p>',
    );
    expect(joinTextNodes(collectTextNodes(body)).text.split(BLOCK_BREAK)).toEqual([
      'UNICEF said',
      'one',
      'two',
      'The WHO',
    ]);
  });
});

describe('offsets of a range in the joined text', () => {
  // Imported here: page-text.ts reads nothing at load, the DOM globals come from the test environment.
  const load = () => import('../../../reading/page-text');

  test('a range inside and across text nodes, and one with element boundaries', async () => {
    const { joinTextNodes, offsetsOfRange } = await load();
    const body = page('<p id="a">Hello <b>big</b> world</p><p id="b">Second block</p>');
    const joined = joinTextNodes(collectTextNodes(body));
    const [hello, big, world, second] = collectTextNodes(body);
    const range = document.createRange();
    range.setStart(hello!, 2);
    range.setEnd(world!, 3);
    expect(offsetsOfRange(joined, range)).toEqual({ start: 2, end: joined.text.indexOf(' world') + 3 });
    expect(joined.text.slice(2, joined.text.indexOf(' world') + 3)).toBe('llo big wo');
    // Boundaries between elements: the whole first paragraph, then from its end to inside the second.
    range.setStart(body, 0);
    range.setEnd(document.getElementById('a')!, 3);
    expect(offsetsOfRange(joined, range)).toEqual({ start: 0, end: 'Hello big world'.length });
    range.setStart(document.getElementById('b')!, 0);
    range.setEnd(second!, 6);
    expect(joined.text.slice(offsetsOfRange(joined, range)!.start, offsetsOfRange(joined, range)!.end)).toBe('Second');
    expect(big).toBeDefined();
    // A collapsed range covers nothing.
    range.setStart(hello!, 1);
    range.setEnd(hello!, 1);
    expect(offsetsOfRange(joined, range)).toBeNull();
  });

  // At 200,000 nodes (too slow for happy-dom, see hostile-pages.chromium.e2e.ts) the old loop never ended.
  test('5,000 sibling text nodes: a boundary in the last one is found by lookup', async () => {
    const { joinTextNodes, offsetsOfRange } = await load();
    const p = page('<p id="many"></p>').querySelector('#many')!;
    const fragment = document.createDocumentFragment();
    for (let i = 0; i < 5_000; i++) fragment.appendChild(document.createTextNode(i === 4_999 ? 'UNICEF' : 'x'));
    p.appendChild(fragment);
    const joined = joinTextNodes(collectTextNodes(document.body));
    const last = joined.nodes[joined.nodes.length - 1]!;
    const range = document.createRange();
    range.setStart(last, 0);
    range.setEnd(last, 6);
    expect(offsetsOfRange(joined, range)).toEqual({ start: 4_999, end: 5_005 });
  });
});
