import { describe, expect, test } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TSX } from './tsx';

const ROOT = join(import.meta.dirname, '../..');

interface Line {
  file: string;
  start: number;
  end: number;
  text: string;
  id: string;
  label: string;
  kind: string;
  candidates: string[];
}

function annotate(...files: string[]): { status: number | null; lines: Line[]; stderr: string } {
  const r = spawnSync(TSX, ['scripts/annotate.ts', ...files], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const lines = r.stdout
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Line);
  return { status: r.status, lines, stderr: r.stderr };
}

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

  test('complete output through a pipe, a quiet stop under `head`, binary files skipped, one bad file does not stop the rest', () => {
    const dir = mkdtempSync(join(tmpdir(), 'annotate-'));
    const many = join(dir, 'many.txt');
    writeFileSync(many, 'The United Nations and UNESCO met in Geneva.\n'.repeat(20_000));
    // The same bytes to a file and through a slow pipe (the reader sleeps before it reads).
    const toFile = join(dir, 'out.jsonl');
    const toPipe = join(dir, 'piped.jsonl');
    spawnSync('sh', ['-c', `'${TSX}' scripts/annotate.ts '${many}' > '${toFile}'`], { cwd: ROOT });
    spawnSync('sh', ['-c', `'${TSX}' scripts/annotate.ts '${many}' | (sleep 1; cat) > '${toPipe}'`], { cwd: ROOT });
    const written = readFileSync(toFile);
    expect(written.toString('utf8').split('\n').filter(Boolean)).toHaveLength(60_000);
    expect(readFileSync(toPipe).equals(written)).toBe(true);
    const head = spawnSync(
      'sh',
      ['-c', `'${TSX}' scripts/annotate.ts '${many}' | head -1 >/dev/null; echo "status=$?"`],
      { cwd: ROOT, encoding: 'utf8' },
    );
    expect(head.stderr).not.toMatch(/EPIPE|Error/);
    const binary = join(dir, 'image.html');
    writeFileSync(binary, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]));
    const text = join(dir, 'ok.txt');
    writeFileSync(text, 'UNESCO met in Geneva.');
    const r = annotate(binary, '/nonexistent/x.txt', text);
    expect(r.stderr).toMatch(/image\.html: skipped: a binary file/);
    expect(r.stderr).toMatch(/nonexistent\/x\.txt/);
    expect(r.lines.some((l) => l.file === text && l.id === 'unesco')).toBe(true);
    expect(r.status).toBe(1); // a file failed
  }, 120_000);

  test('`npx context-lens annotate` prints JSON lines only, no npm banner', () => {
    const dir = mkdtempSync(join(tmpdir(), 'annotate-'));
    const text = join(dir, 'ok.txt');
    writeFileSync(text, 'UNESCO and UNICEF.');
    const r = spawnSync('npx', ['context-lens', 'annotate', text], { cwd: ROOT, encoding: 'utf8' });
    expect(r.status).toBe(0);
    const lines = r.stdout.split('\n').filter(Boolean);
    expect(lines.length).toBe(2);
    for (const l of lines) expect(() => JSON.parse(l)).not.toThrow();
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

  test('a 30 MB page is streamed: read under a 192 MB heap, every mention found, in order', () => {
    const dir = mkdtempSync(join(tmpdir(), 'annotate-'));
    const path = join(dir, 'big.html');
    // Markup-heavy, like real pages: 200,000 cards, one name each, pieces cut wherever they fall.
    const cards: string[] = [];
    for (let i = 0; i < 200_000; i++) {
      cards.push(
        `<div class="card card-${i % 7}" data-id="${i}"><span class="meta"><a href="/n/${i}">UNICEF</a></span> <em>note ${i}</em></div>\n`,
      );
    }
    writeFileSync(
      path,
      `<!doctype html><html lang="en"><head><title>big</title></head><body>${cards.join('')}</body></html>`,
    );
    const r = spawnSync(TSX, ['scripts/annotate.ts', path], {
      cwd: ROOT,
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024,
      env: { ...process.env, NODE_OPTIONS: '--max-old-space-size=192' },
    });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const lines = r.stdout.split('\n').filter(Boolean);
    expect(lines).toHaveLength(200_000);
    const starts = lines.map((l) => (JSON.parse(l) as Line).start);
    expect(starts.every((s, k) => k === 0 || s > starts[k - 1]!)).toBe(true);
    expect((JSON.parse(lines[lines.length - 1]!) as Line).id).toBe('unicef');
  }, 120_000);
});
