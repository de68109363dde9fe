/**
 * The command line on 50 MB of HTML (issue 17: under 20 s and 1 GB): saved corpus pages one
 * after another (markup-heavy, names here and there), and dense prose naming someone in every
 * line (over a million mentions). Each run is a fresh process; its peak memory comes from
 * report-rss.ts, its output is counted as it streams and never held.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { corpusPagePaths, REPO_ROOT } from '../../tests/support/static-server';
import { check, table } from './table';

const TARGET_BYTES = 50_000_000;
export const CLI_GOALS = { seconds: 20, peakBytes: 1e9 };

export interface CliRun {
  input: string;
  bytes: number;
  seconds: number;
  peakBytes: number;
  lines: number;
  status: number | null;
}

function corpusBodies(): string[] {
  return corpusPagePaths()
    .map((path) => /<body[^>]*>([\s\S]*)<\/body>/i.exec(readFileSync(path, 'utf8'))?.[1] ?? '')
    .filter(Boolean);
}

function writeInputs(dir: string): { name: string; path: string }[] {
  const head = '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>50 MB</title></head><body>\n';
  const bodies = corpusBodies();
  const pages: string[] = [head];
  for (let size = 0, k = 0; size < TARGET_BYTES; k++) {
    const body = `<article>${bodies[k % bodies.length]}</article>\n`;
    pages.push(body);
    size += Buffer.byteLength(body);
  }
  const sentences = [
    'The Secretary-General of the United Nations, Ban Ki-moon, addressed the General Assembly.',
    'UNICEF and the World Health Organization worked with UNHCR in Syria and Lebanon.',
    'Генеральный секретарь Организации Объединённых Наций выступил в Женеве.',
    '联合国秘书长潘基文在大会上发言。',
    'الأمين العام للأمم المتحدة بان كي مون في جنيف.',
  ];
  const dense: string[] = [head];
  for (let size = 0, i = 0; size < TARGET_BYTES; i++) {
    const p = `<p>${i}: ${sentences[i % sentences.length]} Lorem ipsum dolor sit amet.</p>\n`;
    dense.push(p);
    size += Buffer.byteLength(p);
  }
  const inputs = [
    { name: 'corpus pages', path: join(dir, 'pages.html'), html: [...pages, '</body></html>'].join('') },
    { name: 'dense prose', path: join(dir, 'dense.html'), html: [...dense, '</body></html>'].join('') },
  ];
  for (const i of inputs) writeFileSync(i.path, i.html);
  return inputs.map(({ name, path }) => ({ name, path }));
}

function runCli(path: string): Promise<Omit<CliRun, 'input' | 'bytes'>> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'scripts/bench/report-rss.ts', 'scripts/annotate.ts', path],
      { cwd: REPO_ROOT },
    );
    let lines = 0;
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      for (const byte of chunk) if (byte === 10) lines++;
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (status) => {
      const kb = Number(/peak-rss-kb (\d+)/.exec(stderr)?.[1] ?? NaN);
      resolve({ seconds: (performance.now() - t0) / 1000, peakBytes: kb * 1024, lines, status });
    });
  });
}

export async function runCliSuite(options: { log: (s: string) => void }): Promise<CliRun[]> {
  const dir = mkdtempSync(join(tmpdir(), 'lens-bench-cli-'));
  try {
    const runs: CliRun[] = [];
    for (const input of writeInputs(dir)) {
      options.log(`  annotate ${input.name}…`);
      const bytes = statSync(input.path).size;
      runs.push({ input: input.name, bytes, ...(await runCli(input.path)) });
    }
    return runs;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function cliTable(runs: CliRun[]): string {
  return table(
    ['input', 'size', 'mentions', 'time', 'peak memory', `≤ ${CLI_GOALS.seconds} s and ≤ 1 GB`],
    runs.map((r) => [
      r.input,
      `${(r.bytes / 1e6).toFixed(1)} MB`,
      r.status === 0 ? String(r.lines) : `failed (exit ${r.status})`,
      `${r.seconds.toFixed(1)} s`,
      `${(r.peakBytes / 1e6).toFixed(0)} MB`,
      check(r.status === 0 && r.seconds <= CLI_GOALS.seconds && r.peakBytes <= CLI_GOALS.peakBytes),
    ]),
    '`npm run annotate` on 50 MB of HTML, one process per input (wall time from start to exit, peak resident memory)',
  );
}
