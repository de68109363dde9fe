/**
 * `npx tsx scripts/gen-icons.ts`: draws the toolbar and store icons into public/icon/ as PNGs,
 * from shapes (no image tools needed): a lens with a highlighter stroke across it, in the
 * extension's blue, and a grey version shown where highlighting is off. The lens has a light
 * fill and a dark rim so it reads on light and dark toolbars alike. `--check` exits 1 when
 * the files differ from what this script draws (a test runs it).
 */
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';

const OUT = join(import.meta.dirname, '../public/icon');
export const ICON_SIZES = [16, 32, 48, 128] as const;

type Rgb = [number, number, number];
interface Palette {
  rim: Rgb;
  fill: Rgb;
  stroke: Rgb;
  handle: Rgb;
}
const ON: Palette = {
  rim: [0x2f, 0x5d, 0x8a],
  fill: [0xee, 0xf4, 0xfa],
  stroke: [0xf2, 0xc2, 0x1b],
  handle: [0x2f, 0x5d, 0x8a],
};
const OFF: Palette = {
  rim: [0x7a, 0x7a, 0x7a],
  fill: [0xf2, 0xf2, 0xf2],
  stroke: [0xb8, 0xb8, 0xb8],
  handle: [0x5a, 0x5a, 0x5a],
};

/** Signed distance from p to the segment a-b, minus half its width (< 0 inside the stroke). */
function segment(px: number, py: number, ax: number, ay: number, bx: number, by: number, width: number): number {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy)) - width / 2;
}

/** Coverage of a pixel by a shape given its signed distance at the pixel centre (1 px of anti-aliasing). */
const cover = (d: number) => Math.max(0, Math.min(1, 0.5 - d));

function draw(size: number, p: Palette): Uint8Array {
  const px = new Uint8Array(size * size * 4);
  const s = size / 128; // shapes are laid out on a 128-unit square
  const cx = 54 * s;
  const cy = 54 * s;
  const radius = 38 * s;
  const rim = Math.max(1.5, 11 * s);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const fx = x + 0.5;
      const fy = y + 0.5;
      const r = Math.hypot(fx - cx, fy - cy);
      // Layers, bottom to top: a light halo (so the dark rim and handle read on a dark toolbar;
      // on a light one it does not show), handle, lens fill, highlighter stroke (clipped to the
      // lens), rim.
      const halo = Math.max(1, 5 * s);
      const handleWidth = Math.max(2, 20 * s);
      const layers: [number, Rgb][] = [
        [
          Math.max(
            cover(r - radius - rim / 2 - halo),
            cover(segment(fx, fy, 82 * s, 82 * s, 116 * s, 116 * s, handleWidth + 2 * halo)),
          ),
          [0xff, 0xff, 0xff],
        ],
        [cover(segment(fx, fy, 82 * s, 82 * s, 116 * s, 116 * s, handleWidth)), p.handle],
        [cover(r - radius), p.fill],
        [
          Math.min(
            cover(r - (radius - rim / 2)),
            cover(segment(fx, fy, 28 * s, 66 * s, 80 * s, 42 * s, Math.max(2, 18 * s))),
          ),
          p.stroke,
        ],
        [cover(Math.abs(r - radius) - rim / 2), p.rim],
      ];
      let a = 0;
      let rgb: Rgb = [0, 0, 0];
      for (const [alpha, color] of layers) {
        if (alpha <= 0) continue;
        const outA = alpha + a * (1 - alpha);
        rgb = rgb.map((c, k) => (color[k]! * alpha + c * a * (1 - alpha)) / outA) as Rgb;
        a = outA;
      }
      const o = (y * size + x) * 4;
      px[o] = Math.round(rgb[0]);
      px[o + 1] = Math.round(rgb[1]);
      px[o + 2] = Math.round(rgb[2]);
      px[o + 3] = Math.round(a * 255);
    }
  }
  return px;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const body = Buffer.concat([head.subarray(4), Buffer.from(data)]);
  const tail = Buffer.alloc(4);
  tail.writeUInt32BE(crc32(body), 0);
  return Buffer.concat([head.subarray(0, 4), body, tail]);
}

/** An RGBA image as a PNG file (8-bit colour, no filtering). */
export function encodePng(size: number, rgba: Uint8Array): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) Buffer.from(rgba.buffer, y * size * 4, size * 4).copy(raw, y * (size * 4 + 1) + 1);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', new Uint8Array(0)),
  ]);
}

/** The files this script writes: icon/<size>.png (on) and icon/off-<size>.png. */
export function iconFiles(): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  for (const size of ICON_SIZES) {
    files.set(`${size}.png`, encodePng(size, draw(size, ON)));
    files.set(`off-${size}.png`, encodePng(size, draw(size, OFF)));
  }
  return files;
}

function main(): number {
  const check = process.argv.includes('--check');
  let stale = 0;
  for (const [name, bytes] of iconFiles()) {
    const path = join(OUT, name);
    if (check) {
      if (!existsSync(path) || !readFileSync(path).equals(bytes)) {
        console.error(`public/icon/${name} is out of date: run \`npx tsx scripts/gen-icons.ts\``);
        stale++;
      }
    } else {
      writeFileSync(path, bytes);
    }
  }
  if (!check) console.log(`wrote ${iconFiles().size} icons to public/icon/`);
  return stale ? 1 : 0;
}

if (process.argv[1]?.endsWith('gen-icons.ts')) process.exit(main());
