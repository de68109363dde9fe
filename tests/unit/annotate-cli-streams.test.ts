/** `npm run annotate` through pipes, as `npx context-lens annotate`, and on a 30 MB page. */
import { describe, expect, test } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { annotate, ROOT, type Line } from './annotate-run';
import { TSX } from './tsx';

describe('npm run annotate', () => {
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
