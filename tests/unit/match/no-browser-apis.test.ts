/**
 * The engine runs in Node (data build, CLI, tests) as well as in the content script, so
 * nothing under lib/match or lib/text may touch browser or extension APIs.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOTS = ['lib/match', 'lib/text'].map((d) => resolve(process.cwd(), d));
const FORBIDDEN = [
  /\bwindow\./,
  /\bdocument\./,
  /\bchrome\./,
  /\bbrowser\./,
  /\bnavigator\./,
  /['"]wxt\//,
  /['"]#imports['"]/,
  /\blocalStorage\b/,
  /\bindexedDB\b/,
  /\bHTMLElement\b/,
  /\bDOMParser\b/,
];

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    return e.isDirectory() ? sources(p) : /\.(ts|tsx|js)$/.test(e.name) ? [p] : [];
  });
}

describe('the matching engine is browser-free', () => {
  it('references no browser or extension API', () => {
    const files = ROOTS.flatMap(sources);
    expect(files.length).toBeGreaterThan(5);
    for (const file of files) {
      // Code only: comments may well talk about "the whole document."
      const text = readFileSync(file, 'utf8')
        .replace(/\/\*[\s\S]*?\*\//g, '')
        .replace(/\/\/.*$/gm, '');
      for (const pattern of FORBIDDEN) expect(pattern.test(text), `${file} matches ${pattern}`).toBe(false);
    }
  });

  it('imports only from lib/ and never a runtime value from the zod schema', () => {
    for (const file of ROOTS.flatMap(sources)) {
      const text = readFileSync(file, 'utf8');
      for (const [, spec] of text.matchAll(/from '([^']+)'/g))
        expect(spec!.startsWith('.'), `${file} imports ${spec}`).toBe(true);
      for (const [line] of text.matchAll(/^import .*dataset\/schema.*$/gm)) expect(line, file).toMatch(/^import type /);
    }
  });
});
