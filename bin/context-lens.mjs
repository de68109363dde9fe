#!/usr/bin/env node
/**
 * `npx context-lens annotate [--lang xx] <file.txt|file.html ...>`: the command-line engine,
 * without npm's banner on stdout (JSON lines only). Runs scripts/annotate.ts through tsx.
 */
/* global process, console */
import { register } from 'tsx/esm/api';

const [command, ...rest] = process.argv.slice(2);
if (command !== 'annotate') {
  console.error('usage: context-lens annotate [--lang en|fr|es|ru|zh|ar|<other>] <file.txt|file.html ...>');
  process.exit(2);
}
register();
process.argv = [process.argv[0], 'annotate', ...rest];
await import('../scripts/annotate.ts');
