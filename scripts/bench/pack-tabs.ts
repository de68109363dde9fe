/**
 * Issue 18's pack cell: with a 100k-entity pack active, what each open tab costs and how soon
 * the pack's names are on screen, with 1, 5 and 20 tabs open. The page names only pack
 * entities, so every highlight on it is the pack's. A tab's cost is its JavaScript heap (its
 * renderer's isolate, our content script's world included) above the same page's in a plain
 * Chromium.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import type { BrowserContext, Page } from 'playwright-core';
import { pageStatus } from '../../tests/support/chromium';
import { firstHighlightAfterLoad, heapMB, launchPlain, localOnly, probedPage } from './page-probe';
import { startStaticServer, type StaticServer } from '../../tests/support/static-server';
import type { Pack } from '../../lib/packs/format';
import { median } from './stats';
import { check, table } from './table';

export const TAB_COUNTS = [1, 5, 20] as const;

export interface TabsRow {
  tabs: number;
  /** Load event → first highlight, in the last tab opened (ms), and the median over the tabs. */
  lastFirstHighlightMs: number;
  medianFirstHighlightMs: number;
  /** JS heap per tab above the same page in a plain Chromium (MB, median over the tabs). */
  extraHeapMB: number;
}

/** A news-like page naming 60 of the pack's entities (none of the bundled dataset's). */
export function packPageHtml(pack: Pack): string {
  const names = pack.entities.slice(0, 60).map((e) => e.names.en?.name ?? '');
  const paragraphs: string[] = [];
  for (let i = 0; i < names.length; i += 3)
    paragraphs.push(
      `<p>Reporting from the meeting, ${names[i]} spoke after ${names[i + 1]}, and ${names[i + 2]} answered questions.</p>`,
    );
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Pack page</title></head><body><h1>Briefing</h1>${paragraphs.join('\n')}</body></html>`;
}

async function openTab(context: BrowserContext, url: string): Promise<{ page: Page; firstHighlightMs: number }> {
  const page = await probedPage(context);
  await page.goto(url, { waitUntil: 'load' });
  return { page, firstHighlightMs: (await firstHighlightAfterLoad(page, 15_000)) ?? Number.NaN };
}

async function plainHeapMB(url: string, server: StaticServer): Promise<number> {
  const plain = await launchPlain();
  const { context } = plain;
  try {
    await localOnly(context, server);
    const readings: number[] = [];
    for (let i = 0; i < 3; i++) {
      const page = await context.newPage();
      await page.goto(url, { waitUntil: 'load' });
      readings.push(await heapMB(context, page));
      await page.close();
    }
    return median(readings);
  } finally {
    await plain.close();
  }
}

export async function measurePackTabs(
  context: BrowserContext,
  pack: Pack,
  log: (s: string) => void,
): Promise<TabsRow[]> {
  const dir = mkdtempSync(join(tmpdir(), 'context-lens-pack-page-'));
  writeFileSync(join(dir, 'pack.html'), packPageHtml(pack));
  const server = await startStaticServer({ '/p/': dir + '/' });
  try {
    const url = server.url('/p/pack.html');
    const baseline = await plainHeapMB(url, server);
    const rows: TabsRow[] = [];
    for (const tabs of TAB_COUNTS) {
      const opened: { page: Page; firstHighlightMs: number }[] = [];
      for (let i = 0; i < tabs; i++) opened.push(await openTab(context, url));
      const status = await pageStatus(context, opened[opened.length - 1]!.page);
      const heaps: number[] = [];
      for (const { page } of opened) heaps.push((await heapMB(context, page)) - baseline);
      const row: TabsRow = {
        tabs,
        lastFirstHighlightMs: opened[opened.length - 1]!.firstHighlightMs,
        medianFirstHighlightMs: median(opened.map((o) => o.firstHighlightMs)),
        extraHeapMB: median(heaps),
      };
      log(
        `  ${tabs} tab(s): ${status?.mentions ?? 0} pack names in the last; first highlight ${row.lastFirstHighlightMs.toFixed(0)} ms after load; +${row.extraHeapMB.toFixed(2)} MB per tab`,
      );
      rows.push(row);
      for (const { page } of opened) await page.close();
    }
    return rows;
  } finally {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

export const TAB_GOALS = { extraHeapMB: 5, firstHighlightMs: 500 };

export function packTabsTable(rows: TabsRow[]): string {
  return [
    '| tabs open | first pack highlight after load, last tab (ms) | median over the tabs (ms) | extra JS heap per tab (MB) |',
    '|---|---|---|---|',
    ...rows.map(
      (r) =>
        `| ${r.tabs} | ${r.lastFirstHighlightMs.toFixed(0)} | ${r.medianFirstHighlightMs.toFixed(0)} | ${r.extraHeapMB.toFixed(2)} |`,
    ),
  ].join('\n');
}

export function packTabsGoals(rows: TabsRow[]): string {
  const at20 = rows.find((r) => r.tabs === 20);
  const worstHeap = Math.max(...rows.map((r) => r.extraHeapMB));
  return table(
    ['goal', 'measured', 'met'],
    [
      [
        '100k pack: ≤ 5 MB extra memory per tab',
        `${worstHeap.toFixed(2)} MB (worst median)`,
        check(worstHeap <= TAB_GOALS.extraHeapMB),
      ],
      [
        '100k pack: names on screen ≤ 500 ms after load with 20 tabs open',
        `${at20 ? at20.lastFirstHighlightMs.toFixed(0) : '–'} ms`,
        check(!!at20 && at20.lastFirstHighlightMs <= TAB_GOALS.firstHighlightMs),
      ],
    ],
    'Goals',
  );
}
