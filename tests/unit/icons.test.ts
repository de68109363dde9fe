/** The toolbar and store icons: drawn by scripts/gen-icons.ts, at every size the stores ask for. */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import { TSX } from './tsx';

const ROOT = join(import.meta.dirname, '../..');

/** Width, height and the RGBA pixels of one of our PNGs (8-bit RGBA, filter 0 on every row). */
function readPng(path: string): { width: number; height: number; pixel: (x: number, y: number) => number[] } {
  const bytes = readFileSync(path);
  expect(bytes.subarray(1, 4).toString('ascii')).toBe('PNG');
  const width = bytes.readUInt32BE(16);
  const height = bytes.readUInt32BE(20);
  const idat: Buffer[] = [];
  for (let at = 8; at < bytes.length;) {
    const length = bytes.readUInt32BE(at);
    if (bytes.subarray(at + 4, at + 8).toString('ascii') === 'IDAT') idat.push(bytes.subarray(at + 8, at + 8 + length));
    at += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const pixel = (x: number, y: number) => [
    ...raw.subarray(y * (width * 4 + 1) + 1 + x * 4, y * (width * 4 + 1) + 5 + x * 4),
  ];
  return { width, height, pixel };
}

describe('icons', () => {
  test.each([16, 32, 48, 128])('%i px, on and off: square, transparent corners, a visible lens', (size) => {
    for (const name of [`${size}.png`, `off-${size}.png`]) {
      const png = readPng(join(ROOT, 'public/icon', name));
      expect([png.width, png.height]).toEqual([size, size]);
      expect(png.pixel(0, 0)[3]).toBe(0);
      expect(png.pixel(Math.floor(size * 0.42), Math.floor(size * 0.42))[3]).toBe(255);
    }
  });

  test('the off icon is grey, the on icon is not', () => {
    const grey = (p: number[]) => Math.max(p[0]!, p[1]!, p[2]!) - Math.min(p[0]!, p[1]!, p[2]!) < 8;
    const at = (name: string) => readPng(join(ROOT, 'public/icon', name)).pixel(30, 58); // on the highlighter stroke
    expect(grey(at('128.png'))).toBe(false);
    expect(grey(at('off-128.png'))).toBe(true);
  });

  test('the files are what scripts/gen-icons.ts draws', () => {
    const r = spawnSync(TSX, ['scripts/gen-icons.ts', '--check'], { cwd: ROOT, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });
});
