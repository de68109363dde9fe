/**
 * Pages for the read-ahead tests (entrypoints/content/read-ahead.ts), served under /ahead/ in
 * Chromium and Firefox alike: a long page with names at both ends, and one whose first
 * characters are a closed menu.
 */
import { mountPages } from './static-server';

/** 300 paragraphs of plain prose (about 20,000 characters, many screens) between a name at the
 * top and two at the bottom; "Mr. Ban" resolves only against "Ban Ki-moon" read before it. */
const FILLER = Array.from(
  { length: 300 },
  (_, i) => `<p class="filler">Paragraph ${i}: the delegates went through the agenda item by item.</p>`,
).join('\n');
export const LONG_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Long</title></head><body>
<p>Secretary-General Ban Ki-moon opened the session.</p>
<div id="middle">${FILLER}</div>
<p id="bottom">At the close, Mr. Ban thanked UNESCO for its work.</p>
</body></html>`;

/** A closed menu of 6,000 characters at the top (no box: display none), then a name on screen. */
export const HIDDEN_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Menu</title></head><body>
<nav style="display:none">${'<a href="#">Menu entry for the section pages</a>\n'.repeat(200)}</nav>
<p>Today UNICEF spoke first.</p>
<div>${FILLER}</div>
<p>At the close, Mr. Ban thanked UNESCO for its work.</p>
</body></html>`;

/** The default mounts, and the pages above as /ahead/long.html and /ahead/hidden.html. */
export function readAheadMounts(): Record<string, string> {
  return mountPages('/ahead/', { 'long.html': LONG_PAGE, 'hidden.html': HIDDEN_PAGE });
}
