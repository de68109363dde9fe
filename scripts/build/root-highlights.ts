/**
 * Chrome build only: the highlight colours as rules on the root element, which every text in
 * the page inherits (Chrome's highlight inheritance, on by default for custom highlights since
 * Chromium change cc6c0ae, March 2022, before the API shipped in Chrome 105; shadow trees
 * inherit from their host). Written as `::highlight(name)`, a rule is checked against every
 * element of every page in the style pass: the 14 rules cost about 11 ms of main-thread time per
 * page load, measured on the 8 largest corpus pages (`npm run bench:variants`). Firefox does not
 * inherit highlight styles, so its build keeps the rules as written.
 */
import type { Plugin } from 'vite';

const SOURCE = /entrypoints\/content\/highlights\.css(\?.*)?$/;

/** `::highlight(x)` at the start of a selector becomes `:root::highlight(x)`. */
export function onRoot(css: string): string {
  return css.replace(/(^|[\s,}])::highlight\(/g, '$1:root::highlight(');
}

export function rootHighlights(): Plugin {
  return {
    name: 'context-lens:root-highlights',
    enforce: 'pre',
    transform(code, id) {
      return SOURCE.test(id) ? { code: onRoot(code), map: null } : null;
    },
  };
}
