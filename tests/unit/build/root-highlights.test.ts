import { describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { onRoot } from '../../../scripts/build/root-highlights';

describe('highlight rules on the root element (Chrome build)', () => {
  test('every ::highlight rule of the shipped stylesheet is put on :root, nothing else changes', () => {
    const css = readFileSync('entrypoints/content/highlights.css', 'utf8');
    const out = onRoot(css);
    const rules = css.match(/::highlight\(/g)!.length;
    expect(out.match(/:root::highlight\(/g)!.length).toBe(rules);
    expect(out.replaceAll(':root::highlight(', '::highlight(')).toBe(css);
  });

  test('selector lists, minified rules and the start of the text', () => {
    expect(onRoot('::highlight(a){x:1}::highlight(b),::highlight(c){y:2}')).toBe(
      ':root::highlight(a){x:1}:root::highlight(b),:root::highlight(c){y:2}',
    );
    expect(onRoot('::highlight(a),\n::highlight(b) {}')).toBe(':root::highlight(a),\n:root::highlight(b) {}');
  });

  test('a rule already on an element is left alone', () => {
    expect(onRoot('p::highlight(a){} :root::highlight(b){}')).toBe('p::highlight(a){} :root::highlight(b){}');
  });
});
