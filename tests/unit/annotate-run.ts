/** Runs the command-line engine the way `npm run annotate` does, for annotate-cli*.test.ts. */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { TSX } from './tsx';

export const ROOT = join(import.meta.dirname, '../..');

export interface Line {
  file: string;
  start: number;
  end: number;
  text: string;
  id: string;
  label: string;
  kind: string;
  candidates: string[];
}

export function annotate(...files: string[]): { status: number | null; lines: Line[]; stderr: string } {
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
