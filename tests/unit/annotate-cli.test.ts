/**
 * `npm run annotate`: what it finds in text and HTML, per language, and how it names a bad
 * file. Pipes, the npx command and a 30 MB page are in annotate-cli-streams.test.ts (two
 * files, so the two workers share the runs).
 */
import { describe, expect, test } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { annotate } from './annotate-run';

describe('npm run annotate', () => {
  test('prints one JSON line per mention of a text file, with exact offsets', () => {
    const dir = mkdtempSync(join(tmpdir(), 'annotate-'));
    const file = join(dir, 'note.txt');
    const text = 'Le Secrétaire général de l’ONU, Ban Ki-moon, a parlé à l’Assemblée générale.';
    writeFileSync(file, text);
    const { status, lines } = annotate(file);
    expect(status).toBe(0);
    const ban = lines.find((l) => l.text === 'Ban Ki-moon');
    expect(ban).toMatchObject({ file, text: 'Ban Ki-moon', label: 'Ban Ki-moon', kind: 'person' });
    expect(text.slice(ban!.start, ban!.end)).toBe('Ban Ki-moon');
    expect(lines.map((l) => l.id)).toEqual(expect.arrayContaining(['un-general-assembly']));
    // A title names the holder the text names (Ban Ki-moon), the office being the other candidate.
    const title = lines.find((l) => l.text === 'Secrétaire général de l’ONU');
    expect(title?.id).toBe('ban-ki-moon');
    expect(title?.candidates).toContain('un-secretary-general');
    for (const l of lines) expect(l.candidates[0]).toBe(l.id);
  }, 60_000);

  test('reduces HTML to the text the content script reads', () => {
    const { status, lines } = annotate('tests/fixtures/pages/un-news-alliance-2012.html');
    expect(status).toBe(0);
    const ids = new Set(lines.map((l) => l.id));
    for (const id of [
      'ban-ki-moon',
      'unaoc',
      'jorge-sampaio',
      'nassir-abdulaziz-al-nasser',
      'syria',
      'united-nations',
    ]) {
      expect(ids).toContain(id);
    }
    // "<a>Secretary-General</a> Ban Ki-moon" reads as one run of text.
    expect(lines.some((l) => l.text === 'Ban Ki-moon')).toBe(true);
  }, 60_000);

  test("scopes aliases to each line's language; --lang states the language of a file that cannot tell", () => {
    const dir = mkdtempSync(join(tmpdir(), 'annotate-'));
    const file = join(dir, 'mixed.txt');
    writeFileSync(
      file,
      'Ms. Maurice told the Security Council on Tuesday that her country would vote.\nLe représentant du Tchad a remercié Maurice pour son soutien au Conseil.\n',
    );
    const { status, lines } = annotate(file);
    expect(status).toBe(0);
    // The English "Ms. Maurice" is a person; the French line's Maurice is Mauritius.
    expect(lines.filter((l) => l.text === 'Maurice').map((l) => l.start)).toEqual([114]);
    const short = join(dir, 'short.txt');
    writeFileSync(short, 'Ms. Maurice\n');
    expect(annotate(short).lines.map((l) => l.id)).toEqual(['mauritius']); // too short to tell: every alias may match
    expect(annotate('--lang', 'en', short).lines).toEqual([]);
    expect(annotate('--lang=fr', short).lines.map((l) => l.id)).toEqual(['mauritius']);
    const bad = annotate('--lang', '<x>', short);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/--lang/);
  }, 60_000);

  test('names a missing file and exits non-zero', () => {
    const { status, stderr } = annotate('/nonexistent/file.txt');
    expect(status).toBe(1);
    expect(stderr).toMatch(/nonexistent\/file\.txt/);
  }, 60_000);

  test('HTML is read as a browser parses it: an unclosed comment or textarea hides what follows; remote links load nothing', () => {
    const dir = mkdtempSync(join(tmpdir(), 'annotate-'));
    const files = {
      proto: [
        '<!doctype html><html><head><link rel="preload" href="//cdn.example.com/a.css" as="style"><link rel="stylesheet" href="//cdn.example.com/b.css"></head><body><p>UNESCO met.</p></body></html>',
        ['unesco'],
      ],
      comment: [
        '<html><body><p>UNICEF here.</p><!-- an unclosed comment with UNESCO inside <p>and WHO</p></body></html>',
        ['unicef'],
      ],
      textarea: ['<html><body><p>UNICEF here.</p><textarea>UNESCO in a field <p>WHO</p></body></html>', ['unicef']],
    } as const;
    const paths = Object.entries(files).map(([name, [html]]) => {
      const path = join(dir, `${name}.html`);
      writeFileSync(path, html);
      return path;
    });
    const r = annotate(...paths);
    expect(r.status).toBe(0);
    Object.values(files).forEach(([, ids], k) =>
      expect(r.lines.filter((l) => l.file === paths[k]).map((l) => l.id)).toEqual(ids),
    );
  }, 60_000);
});
