/**
 * `npm test`: typecheck, lint, format check, unit tests (and the Fuse-equivalence suite), both builds,
 * web-ext lint, then the real-browser tests.
 * Every step runs even when an earlier one failed, so one run shows every problem; the run
 * ends with the plain line CI reads: `N passed, N failed`.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..');
const OUT = join(ROOT, 'artifacts/test');
mkdirSync(OUT, { recursive: true });

interface Tally {
  passed: number;
  failed: number;
  failures: string[];
}
const tally: Tally = { passed: 0, failed: 0, failures: [] };

function run(cmd: string, args: string[], quiet = false): { ok: boolean; output: string } {
  const result = spawnSync(cmd, args, {
    cwd: ROOT,
    encoding: 'utf8',
    stdio: quiet ? 'pipe' : 'inherit',
    env: { ...process.env, FORCE_COLOR: quiet ? '0' : process.env.FORCE_COLOR },
    maxBuffer: 256 * 1024 * 1024,
  });
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}`;
  return { ok: result.status === 0, output };
}

/** A step that is one check: passes or fails as a whole. */
function check(name: string, cmd: string, args: string[]): boolean {
  console.log(`\n▶ ${name}`);
  const { ok, output } = run(cmd, args, true);
  if (ok) {
    tally.passed++;
    console.log(`  ✓ ${name}`);
  } else {
    tally.failed++;
    tally.failures.push(name);
    console.log(output.split('\n').slice(-60).join('\n'));
    console.log(`  ✗ ${name}`);
  }
  return ok;
}

interface VitestJson {
  numPassedTests: number;
  numFailedTests: number;
  testResults: { name: string; assertionResults: { fullName: string; status: string; failureMessages: string[] }[] }[];
}

/** A vitest suite: every test counts; a crash before any report counts as one failure. */
function suite(name: string, configArgs: string[]): void {
  console.log(`\n▶ ${name}`);
  const report = join(OUT, `${name.replace(/\W+/g, '-')}.json`);
  rmSync(report, { force: true });
  run('npx', ['vitest', 'run', ...configArgs, '--reporter=default', '--reporter=json', `--outputFile.json=${report}`]);
  if (!existsSync(report)) {
    tally.failed++;
    tally.failures.push(`${name}: vitest wrote no report (crashed before running tests)`);
    return;
  }
  const json = JSON.parse(readFileSync(report, 'utf8')) as VitestJson;
  tally.passed += json.numPassedTests;
  tally.failed += json.numFailedTests;
  for (const file of json.testResults) {
    for (const t of file.assertionResults) {
      if (t.status === 'failed') {
        tally.failures.push(`${name}: ${t.fullName}\n      ${(t.failureMessages[0] ?? '').split('\n')[0]}`);
      }
    }
    if (file.assertionResults.length === 0 && 'message' in file && file.message) {
      tally.failed++;
      tally.failures.push(`${name}: ${file.name} did not load: ${String(file.message).split('\n')[0]}`);
    }
  }
}

check('typecheck', 'npx', ['tsc', '--noEmit']);
check('lint', 'npx', ['eslint', '.']);
// Layout is Prettier's (.prettierrc.json); `npm run format` fixes what this reports.
check('format', 'npx', ['prettier', '--check', '.']);
suite('unit', []);
// The searcher against plain Fuse, in full: its own step, so the unit run above stays short.
suite('unit (same as Fuse)', ['--config', 'vitest.fuse.config.ts']);
const built = check('build chrome', 'npm', ['run', 'build']) && check('build firefox', 'npm', ['run', 'build:firefox']);
if (built) {
  check('web-ext lint', 'npx', ['web-ext', 'lint', '--source-dir', '.output/firefox-mv2']);
  // Precision and recall on the judged set, with the dataset just built, against floors that only go up.
  check('accuracy', 'npx', ['tsx', 'scripts/accuracy.ts']);
  suite('e2e', ['--config', 'vitest.e2e.config.ts']);
} else {
  tally.failed++;
  tally.failures.push('browser tests: skipped because a build failed');
}

console.log('');
if (tally.failures.length > 0) {
  console.log('Failures:');
  for (const f of tally.failures) console.log(`  ✗ ${f}`);
}
console.log(`${tally.passed} passed, ${tally.failed} failed`);
process.exit(tally.failed > 0 ? 1 : 0);
