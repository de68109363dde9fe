/**
 * Issue 8 in Chromium: a pack imported in the library page (in a worker, with progress) is
 * highlighted in a tab that was already open, shown on the card with its pack's name, found by
 * the popup search; disabling it takes it away again; a hostile pack is refused.
 */
import { describe, expect, test } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { inUi } from '../support/ui-frame';
import { useExtensionSuite } from '../support/extension-suite';
import { SEED_PAGES, REPO_ROOT } from '../support/static-server';
import { readHighlights, rectOfText } from '../support/page-highlights';

const SHOTS = join(REPO_ROOT, 'artifacts/e2e');
const OUT = join(REPO_ROOT, 'artifacts/e2e/packs');
mkdirSync(OUT, { recursive: true });

const entity = (id: string, name: string, summary: string, kind = 'person') => ({
  id,
  kind,
  names: { en: { name, summary }, fr: { name } },
  facts: {},
  related: [],
  sources: ['https://example.org/newsroom'],
});

function writePack(file: string, entities: unknown[], extra: Record<string, unknown> = {}): string {
  const path = join(OUT, file);
  writeFileSync(
    path,
    JSON.stringify({
      format: 'context-lens-pack',
      version: 1,
      id: 'newsroom',
      name: 'Newsroom names',
      entities,
      ...extra,
    }),
  );
  return path;
}

describe('entity packs in Chromium', () => {
  const suite = useExtensionSuite();
  const libraryUrl = () => `chrome-extension://${suite.browser.extensionId}/library.html`;
  const texts = async (page: Page) => (await readHighlights(page)).map((h) => h.text);

  test('an imported pack reaches an open tab, the card and the search; disabling it takes it away', async () => {
    const page = await suite.browser.context.newPage();
    await page.goto(suite.server.url(SEED_PAGES[1]!));
    await expect.poll(async () => (await texts(page)).length, { timeout: 15_000 }).toBeGreaterThan(5);
    expect(await texts(page)).not.toContain('Vladimir Fofanov');

    const library = await suite.browser.context.newPage();
    await library.goto(libraryUrl());
    const pack = writePack('newsroom.json', [
      entity('vladimir-fofanov', 'Vladimir Fofanov', 'A photographer whose pictures illustrate the post.'),
      entity('fudan-university', 'Fudan (our own entry)', 'Our own note on the university.', 'organization'),
    ]);
    await library.getByTestId('pack-file').setInputFiles(pack);
    // One id is also in the bundled dataset: the reader is asked, and keeps the bundled entry.
    await library.getByTestId('pack-confirm').waitFor({ timeout: 30_000 });
    await library.screenshot({ path: join(SHOTS, 'packs-confirm.png'), fullPage: true });
    await library.getByTestId('pack-skip').click();
    await library.getByTestId('pack-installed').waitFor({ timeout: 60_000 });
    expect(await library.getByTestId('pack-installed').textContent()).toMatch(/Newsroom names.*1 entity/);
    await expect.poll(() => library.getByTestId('pack').count()).toBe(1);
    await library.screenshot({ path: join(SHOTS, 'packs-installed.png'), fullPage: true });

    // The tab opened before the import highlights the new name, without a reload.
    await expect.poll(() => texts(page), { timeout: 20_000 }).toContain('Vladimir Fofanov');
    await page.bringToFront();
    const r = await rectOfText(page, 'Vladimir Fofanov');
    await page.mouse.move(r.x + r.width / 2, r.y + r.height / 2);
    await inUi(page, 'entity-card');
    expect(await (await inUi(page, 'card-pack')).textContent()).toContain('Newsroom names');
    await page.screenshot({ path: join(SHOTS, 'packs-card.png') });
    await page.keyboard.press('Escape');

    const popup = await suite.browser.context.newPage();
    await popup.goto(`chrome-extension://${suite.browser.extensionId}/popup.html`);
    await popup.getByTestId('search-input').fill('fofanof');
    await expect
      .poll(() => popup.locator('[role="option"]').first().getAttribute('data-entity'), { timeout: 10_000 })
      .toBe('vladimir-fofanov');
    await popup.close();

    // Disabled: gone from the open tab again.
    await library.bringToFront();
    await library.getByTestId('pack-enabled').uncheck();
    await library.getByTestId('pack-rebuilt').waitFor({ timeout: 60_000 });
    await expect.poll(() => texts(page), { timeout: 20_000 }).not.toContain('Vladimir Fofanov');
    await library.close();
    await page.close();
  });

  test('a hostile pack is refused with its problems and changes nothing', async () => {
    const library = await suite.browser.context.newPage();
    await library.goto(libraryUrl());
    await expect.poll(() => library.getByTestId('pack').count()).toBe(1);
    const hostile = writePack(
      'hostile.json',
      [entity('evil', 'Evil <img src=x onerror=alert(1)>', '<script>alert(1)</script>')],
      { id: 'hostile' },
    );
    await library.getByTestId('pack-file').setInputFiles(hostile);
    await library.getByTestId('pack-problems').waitFor({ timeout: 30_000 });
    expect(await library.getByTestId('pack-problems').textContent()).toMatch(/entities\[0\]\.names\.en\.name/);
    expect(await library.locator('img').count()).toBe(0);
    expect(await library.getByTestId('pack').count()).toBe(1);
    await library.close();
  });
});
