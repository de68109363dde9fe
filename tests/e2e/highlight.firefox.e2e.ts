/**
 * The card in real Firefox (the build that ships): the reader rests the pointer on a highlighted
 * name of a seed page and reads its card, drawn in an extension frame inside a closed shadow root.
 */
import { describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { saveScreenshot } from '../support/firefox';
import { useFirefoxSuite } from '../support/firefox-suite';
import { countInUi, findInUi } from '../support/firefox-ui';
import { highlightedTexts } from '../support/sabotage-probes';
import { endsOfText } from '../support/selection';
import { REPO_ROOT, SEED_PAGES } from '../support/static-server';

const SHOTS = join(REPO_ROOT, 'artifacts/e2e');
const BAN = JSON.parse(readFileSync(join(REPO_ROOT, 'data/entities/person/ban-ki-moon.json'), 'utf8')) as {
  names: { en: { name: string; summary: string } };
};

describe('the card in Firefox', () => {
  const suite = useFirefoxSuite();

  test('hovering "Ban Ki-moon" on a seed page shows his card, name and summary, beside the name; Esc closes it', async () => {
    const firefox = suite.firefox;
    const { page } = firefox;
    await page.goto(suite.server.url(SEED_PAGES[0]!));
    await expect
      .poll(() => page.evaluate(highlightedTexts), { timeout: 10_000, interval: 250 })
      .toContain('Ban Ki-moon');
    const ends = (await page.evaluate(endsOfText, 'Ban Ki-moon'))!;
    const name = { x: (ends.from.x + ends.to.x) / 2, y: ends.from.y };
    await page.mouse.move(name.x, name.y);

    const card = await findInUi(firefox, 'entity-card');
    const shown = await card.frame.evaluate(() => {
      const card = document.querySelector<HTMLElement>('[data-testid="entity-card"]')!;
      return {
        entity: card.dataset.entity,
        name: card.querySelector('.name bdi')!.textContent,
        summary: card.querySelector('[data-testid="card-summary"]')!.textContent,
      };
    });
    expect(shown).toEqual({
      entity: 'ban-ki-moon',
      name: BAN.names.en.name,
      summary: BAN.names.en.summary,
    });
    // On screen, and beside the name it explains, not over it.
    const { box } = card;
    const viewport = await page.evaluate(() => ({ width: innerWidth, height: innerHeight }));
    expect(box.left).toBeGreaterThanOrEqual(0);
    expect(box.top).toBeGreaterThanOrEqual(0);
    expect(box.left + box.width).toBeLessThanOrEqual(viewport.width);
    expect(box.top + box.height).toBeLessThanOrEqual(viewport.height);
    expect(name.y < box.top || name.y > box.top + box.height).toBe(true);
    await saveScreenshot(page, join(SHOTS, 'firefox-card-ban-ki-moon.png'));

    // The reader's Esc (the page has focus) closes it.
    await page.keyboard.press('Escape');
    await expect
      .poll(() => countInUi(firefox, '[data-testid="entity-card"]'), { timeout: 5_000, interval: 100 })
      .toBe(0);
  });
});
