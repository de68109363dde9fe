/**
 * Runs a script (argv[2]) and reports its peak resident memory on stderr as it exits:
 * `node --import tsx scripts/bench/report-rss.ts scripts/annotate.ts <file>`. The bench reads
 * the last line (`peak-rss-kb N`).
 */
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';

const script = process.argv[2];
if (!script) throw new Error('usage: report-rss.ts <script> [args…]');
process.on('exit', () => process.stderr.write(`\npeak-rss-kb ${process.resourceUsage().maxRSS}\n`));
process.argv = [process.argv[0]!, script, ...process.argv.slice(3)];
await import(pathToFileURL(resolve(script)).href);
