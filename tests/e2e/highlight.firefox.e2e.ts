/**
 * The card in real Firefox (the build that ships): the reader rests the pointer on a highlighted
 * name of a seed page and reads its card, drawn in an extension frame inside a closed shadow root.
 */
import { describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { useFirefoxSuite } from '../support/firefox-suite';
import { findInUi, uiFramesIn } from '../support/firefox-ui';
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
    await firefox.navigate(suite.server.url(SEED_PAGES[0]!));
    await expect
      .poll(() => firefox.evaluate<string[]>(`(${highlightedTexts})()`), { timeout: 10_000, interval: 250 })
      .toContain('Ban Ki-moon');
    const ends = await firefox.evaluate<{ from: { x: number; y: number }; to: { x: number; y: number } }>(
      `(${endsOfText})('Ban Ki-moon')`,
    );
    const name = { x: (ends.from.x + ends.to.x) / 2, y: ends.from.y };
    await firefox.pointer([{ move: name }]);

    const card = await findInUi(firefox, 'entity-card');
    const shown = await firefox.evaluateIn<{ entity: string; name: string; summary: string }>(
      card.context,
      `(() => {
        const card = document.querySelector('[data-testid="entity-card"]');
        return {
          entity: card.dataset.entity,
          name: card.querySelector('.name bdi').textContent,
          summary: card.querySelector('[data-testid="card-summary"]').textContent,
        };
      })()`,
    );
    expect(shown).toEqual({
      entity: 'ban-ki-moon',
      name: BAN.names.en.name,
      summary: BAN.names.en.summary,
    });
    // On screen, and beside the name it explains, not over it.
    const { box } = card;
    const viewport = await firefox.evaluate<{ width: number; height: number }>(
      '({ width: innerWidth, height: innerHeight })',
    );
    expect(box.left).toBeGreaterThanOrEqual(0);
    expect(box.top).toBeGreaterThanOrEqual(0);
    expect(box.left + box.width).toBeLessThanOrEqual(viewport.width);
    expect(box.top + box.height).toBeLessThanOrEqual(viewport.height);
    expect(name.y < box.top || name.y > box.top + box.height).toBe(true);
    await firefox.screenshot(join(SHOTS, 'firefox-card-ban-ki-moon.png'));

    // The reader's Esc (the page has focus) closes it.
    await firefox.type('\uE00C');
    await expect
      .poll(
        async () => {
          let cards = 0;
          for (const frame of await uiFramesIn(firefox))
            cards += await firefox.evaluateIn<number>(
              frame.context,
              `document.querySelectorAll('[data-testid="entity-card"]').length`,
            );
          return cards;
        },
        { timeout: 5_000, interval: 100 },
      )
      .toBe(0);
  });
});
