/**
 * `npm run bench`: what matching and drawing cost in real headless Chromium (issues 3 and 5).
 *
 *   1. Matching: the largest corpus pages and a generated dense page, term packs of 1k, 10k and
 *      100k aliases; the DOM-read floor, our engine, and mark.js, one RegExp, modern-ahocorasick.
 *   2. Drawing: the dense page's mentions as CSS Custom Highlights vs <mark> elements, and what
 *      registered ranges cost every later DOM change of the page.
 *   3. Popup search (Node): per keystroke, ours vs a plain Fuse built at open time.
 *   4. Pack import: a generated 100k-entity pack through the library page of the built extension.
 *   5. The command line on 50 MB of HTML (Node): time and peak memory.
 *   6. What every page pays (issue 18): the 20 largest corpus pages with and without the built
 *      extension: main-thread time added, tasks holding our script, first highlight, bytes.
 *
 * Tables go to stdout, progress to stderr, raw numbers to artifacts/bench/results.json.
 * Options: --runs N, --reps N (default 5 × 5), --packs 1k,10k,100k[,300k], --no-markjs,
 * --markjs-budget SECONDS (default 390: a mark.js run that could overrun it is skipped and
 * printed as such; 900 runs every cell), --only matching|markjs|drawing|search[,…] (run only
 * those suites; the others are printed as not run). `--only search` (popup search, issue 6)
 * runs in Node alone, without the browser. `--only packs` imports a generated pack of
 * --pack-entities N (default 100000) into the built extension (npm run build first). Partial
 * runs (search, packs and/or cli only) write artifacts/bench/partial.json. `--only cli` runs the
 * command line on 50 MB of HTML in Node. `--only pageload` runs section 6 alone (npm run build
 * first); --pageload-runs N (default 3).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from '../tests/support/static-server';
import { startBenchBrowser } from './bench/browser';
import { buildDensePage } from './bench/dense-page';
import { runDrawingSuite } from './bench/drawing-suite';
import { runMarkJsSuite } from './bench/markjs-suite';
import { runMatchingSuite, type MatchingResult } from './bench/matching-suite';
import { runSearchSuite, searchTables } from './bench/search-suite';
import { packsTable, runPacksSuite } from './bench/packs-suite';
import { cliTable, runCliSuite } from './bench/cli-suite';
import { pageLoadGoals, pageLoadTable, runPageLoadSuite } from './bench/page-load-suite';
import { table } from './bench/table';
import { bundleInPageCode } from './bench/page-bundle';
import { profileTable } from './bench/profile-scan';
import {
  baselineBuildTable,
  coldTable,
  countsTable,
  drawingTables,
  goalsTable,
  packTable,
  scanTable,
} from './bench/report';
import { largestCorpusPages, type Target } from './bench/targets';
import { assemblePacks, compilePack, coreEntities, loadRealEntities } from './bench/term-packs';

function option(name: string, fallback: string): string {
  const at = process.argv.indexOf(name);
  return at >= 0 && process.argv[at + 1] ? process.argv[at + 1]! : fallback;
}

const RUNS = Number(option('--runs', '5'));
const REPS = Number(option('--reps', '5'));
const PACKS = option('--packs', '1k,10k,100k').split(',');
const SUITES = ['matching', 'markjs', 'drawing', 'search', 'packs', 'cli', 'pageload'] as const;
const ONLY = option('--only', SUITES.join(',')).split(',');
for (const s of ONLY)
  if (!(SUITES as readonly string[]).includes(s))
    throw new Error(`bench: --only takes ${SUITES.join(', ')}; got "${s}"`);
// mark.js is compared with the matching results, so it needs the matching suite to run too.
const MATCHING = ONLY.includes('matching') || ONLY.includes('markjs');
const MARKJS = !process.argv.includes('--no-markjs') && ONLY.includes('markjs');
const DRAWING = ONLY.includes('drawing');
const SEARCH = ONLY.includes('search');
const PACK_IMPORT = ONLY.includes('packs');
const CLI = ONLY.includes('cli');
const PAGE_LOAD = ONLY.includes('pageload');
const PAGE_LOAD_RUNS = Number(option('--pageload-runs', '3'));
const PACK_ENTITIES = Number(option('--pack-entities', '100000'));
const MARKJS_BUDGET_MS = Number(option('--markjs-budget', '390')) * 1000;

const started = Date.now();
// Other work on this small machine (tests, builds) skews timings: say how busy it was.
const loadAtStart = loadavg()[0]!;
const log = (s: string): void =>
  void process.stderr.write(`[${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${s}\n`);
const phases: Record<string, number> = {};
async function phase<T>(name: string, fn: () => Promise<T> | T): Promise<T> {
  const t0 = Date.now();
  log(`${name}…`);
  const r = await fn();
  phases[name] = (Date.now() - t0) / 1000;
  return r;
}

async function main(): Promise<void> {
  // The popup search runs in Node, before the browser starts; alone, it needs nothing else.
  const search = SEARCH
    ? await phase('search', () =>
        runSearchSuite(
          loadRealEntities((s) => log(s)),
          { log },
        ),
      )
    : null;
  const searchSection = search ? ['== 3. Popup search (issue 6) ==', '', searchTables(search), ''] : [];
  // The pack import runs the built extension in its own browser.
  const packImport = PACK_IMPORT
    ? await phase('pack import', () => runPacksSuite({ entities: PACK_ENTITIES, log }))
    : null;
  const packSection = packImport ? ['== 4. Importing a user pack (issue 8) ==', '', packsTable(packImport), ''] : [];
  const cli = CLI ? await phase('command line', () => runCliSuite({ log })) : null;
  const cliSection = cli ? ['== 5. The command line on 50 MB of HTML (issue 17) ==', '', cliTable(cli), ''] : [];
  const pageLoad = PAGE_LOAD
    ? await phase('page load', () => runPageLoadSuite({ runs: PAGE_LOAD_RUNS, pages: 20, log }))
    : null;
  const pageLoadSection = pageLoad
    ? [
        '== 6. What every page pays (issue 18) ==',
        '',
        pageLoadTable(pageLoad),
        '',
        table(['goal', 'measured', 'met'], pageLoadGoals(pageLoad), 'Goals'),
        '',
      ]
    : [];
  if (!MATCHING && !DRAWING) {
    process.stdout.write(
      [
        `Context Lens bench — Node ${process.version}, ${availableParallelism()} cores, load ${loadAtStart.toFixed(2)} → ${loadavg()[0]!.toFixed(2)}`,
        '',
        ...searchSection,
        ...packSection,
        ...cliSection,
        ...pageLoadSection,
      ].join('\n') + '\n',
    );
    mkdirSync(join(REPO_ROOT, 'artifacts/bench'), { recursive: true });
    writeFileSync(
      join(REPO_ROOT, 'artifacts/bench/partial.json'),
      JSON.stringify({ search, packImport, cli, pageLoad }, null, 2) + '\n',
    );
    return;
  }
  const { real, core, packs, dense } = await phase('inputs', () => {
    const real = loadRealEntities((s) => log(s));
    const core = coreEntities(real);
    const packs = assemblePacks(real, core)
      .filter((p) => PACKS.includes(p.label))
      .map((input) => {
        const compiled = compilePack(input);
        log(
          `  pack ${input.label}: ${input.aliasCount} aliases, compiled in ${(compiled.buildMs / 1000).toFixed(2)} s, ${(compiled.bytes.length / 1e6).toFixed(1)} MB`,
        );
        return { input, compiled };
      });
    return { real, core, packs, dense: buildDensePage(core) };
  });
  const b = await startBenchBrowser(await bundleInPageCode());
  try {
    writeFileSync(join(b.dir, 'dense.html'), dense.html);
    // Every suite reads the packs from here (drawing too, also when it runs without matching).
    for (const { input, compiled } of packs) writeFileSync(join(b.dir, `pack-${input.label}.bin`), compiled.bytes);
    const targets: Target[] = [
      ...largestCorpusPages(4),
      { name: 'dense', path: '/bench/dense.html', fileBytes: Buffer.byteLength(dense.html) },
    ];
    const matching: MatchingResult = MATCHING
      ? await phase('matching', () =>
          runMatchingSuite(b, packs, targets, {
            runs: RUNS,
            reps: REPS,
            profiles: [
              ['ours', 'dense'],
              ['ours', targets[0]!.name],
              ['product', targets[0]!.name],
            ],
            log,
          }),
        )
      : { packs: [], scans: {}, textSizes: {}, profiles: {} };
    const marks = MARKJS
      ? await phase('mark.js', () =>
          runMarkJsSuite(
            b,
            packs.map((p) => p.input.label),
            targets,
            { budgetMs: MARKJS_BUDGET_MS, log },
          ),
        )
      : {};
    const drawing = DRAWING
      ? await phase('drawing', () => runDrawingSuite(b, packs[0]!.input.label, { runs: RUNS, reps: REPS, log }))
      : null;

    const env = `Chromium ${b.browser.version()} headless, Node ${process.version}, ${availableParallelism()} cores, ${new Date().toISOString().slice(0, 16)}Z`;
    const out = [
      `Context Lens bench — ${env}`,
      `Dataset: ${real.length} real entities (${core.length} in the 1k pack's core). Dense page: ${dense.planted} planted names, ${dense.textChars} characters (${(dense.textBytes / 1e6).toFixed(2)} MB UTF-8), six languages.`,
      `Load average (1 min): ${loadAtStart.toFixed(2)} at the start, ${loadavg()[0]!.toFixed(2)} at the end, on ${availableParallelism()} cores (anything above ~1 means other processes competed for the CPU).`,
      `Pages: ${targets.map((t) => `${t.name} (${(t.fileBytes / 1e6).toFixed(2)} MB)`).join(', ')}. chars = text the floor walk reads (inline scripts included); readable = what the content script keeps.`,
      '',
      '== 1. Matching (issue 3) ==',
      '',
      packTable(matching),
      '',
      baselineBuildTable(matching),
      '',
      ...Object.keys(matching.scans).flatMap((label) => [scanTable(matching, marks, label, targets), '']),
      'floor = the least it costs to read every character of every text node under <body> (inline scripts and styles too, the',
      '  same text ours scans): the faster, per page, of "per node" (TreeWalker SHOW_TEXT, no filter; charCodeAt over each',
      '  node\'s .data, summed) and "joined" (the same walk, the .data strings joined, charCodeAt over the result);',
      'lengths only = the previous floor, same walk summing .data.length: V8 never reads the characters, so it is no floor;',
      "walk+join = the same walk keeping the nodes + the content script's join (block breaks between blocks);",
      'fold read = walk+join + charCodeAt and one fold-table read per character, summed: the least any folding matcher adds (largest pack);',
      'automaton only = walk+join + the bare automaton (one table read and transition per character, nothing else; largest pack);',
      "scanText only = walk+join + the engine's scan loop, no mentions built (largest pack only); ours = walk+join + findMentions;",
      "product path = the content script's own walk (skips script, style, code, hidden, editable) + join + findMentions;",
      'RegExp / modern-AC = walk+join + one alternation RegExp (giu, longest first) / AhoCorasick.search (leftmost-longest).',
      '',
      ...Object.entries(matching.profiles).flatMap(([what, profile]) => [
        profileTable(
          `CPU profile of 20 warm scans, pack ${packs[packs.length - 1]!.input.label}, ${what} (inlined helpers may be credited with loop time)`,
          profile,
        ),
        '',
      ]),
      coldTable(matching, targets),
      '',
      countsTable(matching, marks, targets, dense.planted),
      '',
      '== 2. Drawing (issue 5) ==',
      '',
      drawing ? drawingTables(drawing) : 'not run (--only)',
      '',
      goalsTable(matching, drawing),
      '',
      ...searchSection,
      ...packSection,
      ...cliSection,
      ...pageLoadSection,
      `Phases: ${Object.entries(phases)
        .map(([k, v]) => `${k} ${v.toFixed(0)} s`)
        .join(', ')}; total ${((Date.now() - started) / 1000).toFixed(0)} s.`,
    ].join('\n');
    process.stdout.write(out + '\n');

    const dir = join(REPO_ROOT, 'artifacts/bench');
    mkdirSync(dir, { recursive: true });
    const results = {
      env,
      options: { runs: RUNS, reps: REPS, packs: PACKS, markjs: MARKJS, markjsBudgetMs: MARKJS_BUDGET_MS },
      dense: { planted: dense.planted, textChars: dense.textChars, textBytes: dense.textBytes },
      targets,
      matching,
      markjs: marks,
      drawing,
      search,
      packImport,
      cli,
      pageLoad,
      phasesSeconds: phases,
    };
    writeFileSync(join(dir, 'results.json'), JSON.stringify(results, null, 2) + '\n');
    log(`raw numbers in ${join(dir, 'results.json')}`);
  } finally {
    await b.close();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
