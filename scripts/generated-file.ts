/**
 * The shared end of the scripts that generate a source file from a registry package
 * (gen-han-fold, gen-lang-trigrams, gen-word-lists): write it, or with `--check` exit 1 when the
 * file in the repository is not what the installed package gives (a unit test runs each check).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { relative } from 'node:path';

const ROOT = new URL('..', import.meta.url).pathname;

/** Runs a generator when its script is the one started (`script`: its file name). */
export function runGenerator(script: string, out: string, source: () => Promise<string>): void {
  if (!process.argv[1]?.endsWith(script)) return;
  void source().then((text) => {
    const shown = relative(ROOT, out);
    if (process.argv.includes('--check')) {
      let current = '';
      try {
        current = readFileSync(out, 'utf8');
      } catch {
        // missing: out of date
      }
      if (current === text) process.exit(0);
      console.error(`${shown} is out of date: run \`npx tsx scripts/${script}\``);
      process.exit(1);
    }
    writeFileSync(out, text);
    console.log(`wrote ${shown}`);
    process.exit(0);
  });
}
