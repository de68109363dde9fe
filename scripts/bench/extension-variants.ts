/**
 * Where the page-load cell's added time comes from (issue 18): the same pages loaded in a
 * Chromium without the extension and in four with a variant of the built extension, side by
 * side, on the same local server:
 *   full      the build as shipped;
 *   no-css    without the highlight stylesheet the manifest injects (highlights are not painted);
 *   no-script the stylesheet, and a content script that does nothing;
 *   neither   installed, with no stylesheet and a content script that does nothing.
 * Each load runs alone and the order turns each run, the page-load cell's way. Per variant:
 * main-thread task time and its CPU time (tracedLoad), medians per page, summed over the
 * pages. Diagnostic, not part of `npm run bench`: it takes about 1.5 min per page.
 *
 *   npm run build && npm run bench:variants -- [pages=8] [runs=3]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { CHROME_BUILD, launchWithExtension } from '../../tests/support/chromium';
import { defaultMounts, startStaticServer } from '../../tests/support/static-server';
import { loadInTurns, tracedLoad } from './page-load-suite';
import { launchPlain, localOnly } from './page-probe';
import { median } from './stats';
import { largestCorpusPages } from './targets';
import { variantBuild, type VariantChange } from './variant-build';

type Variant = 'plain' | 'full' | VariantChange;
const VARIANTS: Variant[] = ['plain', 'full', 'no-css', 'no-script', 'neither'];

const pageCount = Number(process.argv[2] ?? 8);
const runs = Number(process.argv[3] ?? 3);
const dir = mkdtempSync(join(tmpdir(), 'context-lens-variants-'));
const server = await startStaticServer(defaultMounts());
const browsers: { variant: Variant; page: Page; close(): Promise<void> }[] = [];
try {
  for (const variant of VARIANTS) {
    const launched =
      variant === 'plain'
        ? await launchPlain()
        : await launchWithExtension({
            extensionPath: variant === 'full' ? CHROME_BUILD : variantBuild(CHROME_BUILD, dir, variant),
          });
    await localOnly(launched.context, server);
    browsers.push({ variant, page: await launched.context.newPage(), close: () => launched.close() });
  }
  const pages = largestCorpusPages(20).slice(0, pageCount);
  for (const b of browsers) await b.page.goto(server.url(pages[0]!.path), { waitUntil: 'load' }); // warm each browser
  const sums = new Map<Variant, { task: number; cpu: number }>(VARIANTS.map((v) => [v, { task: 0, cpu: 0 }]));
  console.log(`Main-thread task time / CPU time (ms), median of ${runs} loads per page and browser`);
  console.log(['page'.padEnd(28), ...VARIANTS.map((v) => v.padStart(14))].join(''));
  for (const target of pages) {
    const url = server.url(target.path);
    const task = new Map<Variant, number[]>(VARIANTS.map((v) => [v, []]));
    const cpu = new Map<Variant, number[]>(VARIANTS.map((v) => [v, []]));
    await loadInTurns(browsers, runs, async (b) => {
      const t = await tracedLoad(b.page, url, null);
      task.get(b.variant)!.push(t.totalMs);
      cpu.get(b.variant)!.push(t.cpuMs);
    });
    const cells = VARIANTS.map((v) => {
      const t = median(task.get(v)!);
      const c = median(cpu.get(v)!);
      sums.get(v)!.task += t;
      sums.get(v)!.cpu += c;
      return `${t.toFixed(0)} / ${c.toFixed(0)}`.padStart(14);
    });
    console.log([target.name.padEnd(28), ...cells].join(''));
  }
  console.log(
    [
      'sum'.padEnd(28),
      ...VARIANTS.map((v) => `${sums.get(v)!.task.toFixed(0)} / ${sums.get(v)!.cpu.toFixed(0)}`.padStart(14)),
    ].join(''),
  );
} finally {
  for (const b of browsers) await b.close();
  await server.close();
  rmSync(dir, { recursive: true, force: true });
}
