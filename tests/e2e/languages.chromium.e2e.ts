/**
 * Alias scope in the page: each block's language comes from the nearest lang attribute,
 * checked against its text; French names stay out of English text and come back in a French
 * quote; a template's wrong lang="en" on a French page does not hide the French names.
 */
import { describe, expect, test } from 'vitest';
import { pageStatus } from '../support/chromium';
import { useExtensionSuite } from '../support/extension-suite';
import { readHighlights, rectOfText } from '../support/page-highlights';
import { inUi } from '../support/ui-frame';
import { setStoredSetting } from '../support/chromium';
import { mountPages } from '../support/static-server';

function page(lang: string | null, body: string): string {
  const attr = lang === null ? '' : ` lang="${lang}"`;
  return `<!doctype html><html${attr}><head><meta charset="utf-8"><title>languages</title></head><body>${body}</body></html>`;
}

const ENGLISH = `<p>Ms. Maurice, the delegate, told the Security Council on Tuesday that Mauritius and Chad would co-sponsor the draft.</p>`;
const FRENCH_QUOTE = `<blockquote lang="fr">Le représentant du Tchad a remercié Maurice pour son soutien au Conseil de sécurité.</blockquote>`;
const RUSSIAN_QUOTE = `<p>«Совет Безопасности должен действовать», — сказал представитель Чада.</p>`;
const FRENCH_ARTICLE =
  '<p>Le Conseil de sécurité des Nations Unies a adopté mardi une résolution sur la situation au Sahel, ' +
  'présentée par le Tchad et Maurice. Les membres du Conseil ont salué le travail des deux délégations, ' +
  'qui ont négocié le texte pendant plusieurs semaines avec les pays de la région.</p>';

describe('languages of blocks in Chromium', () => {
  const suite = useExtensionSuite({
    mounts: () =>
      mountPages('/lang/', {
        'mixed.html': page('en', ENGLISH + FRENCH_QUOTE + RUSSIAN_QUOTE),
        'wrong-lang.html': page('en', FRENCH_ARTICLE),
        'no-lang.html': page(null, FRENCH_ARTICLE + ENGLISH),
      }),
  });

  async function highlightsOf(path: string): Promise<string[]> {
    const p = await suite.browser.context.newPage();
    const errors: string[] = [];
    p.on('pageerror', (e) => errors.push(e.message));
    await p.goto(suite.server.url(path));
    await expect
      .poll(async () => (await pageStatus(suite.browser.context, p))?.scanned, { timeout: 15_000 })
      .toBe(true);
    const texts = (await readHighlights(p)).map((h) => h.text);
    expect(errors).toEqual([]);
    await p.close();
    return texts;
  }

  test('an English page with a French and a Russian quote', async () => {
    const texts = await highlightsOf('/lang/mixed.html');
    // "Maurice" once (the French quote), never the English "Ms. Maurice".
    expect(texts.filter((t) => t === 'Maurice')).toHaveLength(1);
    expect(texts).toEqual(
      expect.arrayContaining([
        'Security Council',
        'Mauritius',
        'Chad',
        'Tchad',
        'Conseil de sécurité',
        'Совет Безопасности',
        'Чада',
      ]),
    );
  });

  test('a French page whose template says lang="en"', async () => {
    const texts = await highlightsOf('/lang/wrong-lang.html');
    expect(texts).toEqual(
      expect.arrayContaining(['Conseil de sécurité des Nations Unies', 'Sahel', 'Tchad', 'Maurice']),
    );
  });

  test('cards follow the page by default: a French page shows French cards, under an English interface', async () => {
    const p = await suite.browser.context.newPage();
    await p.goto(suite.server.url('/lang/wrong-lang.html'));
    await expect
      .poll(async () => (await pageStatus(suite.browser.context, p))?.scanned, { timeout: 15_000 })
      .toBe(true);
    const hoverCard = async () => {
      await p.mouse.move(1, 1);
      const r = await rectOfText(p, 'Tchad');
      await p.mouse.move(r.x + r.width / 2, r.y + r.height / 2);
      return inUi(p, 'entity-card');
    };
    let card = await hoverCard();
    expect(await card.locator('.content').getAttribute('lang')).toBe('fr');
    expect(await card.locator('.name bdi').first().textContent()).toMatch(/Tchad/);
    expect(await card.getAttribute('lang')).toBe('en'); // the interface stays in its own language
    // "Same as interface" overrides it.
    await setStoredSetting(suite.browser.context, 'settings.contentLanguage', 'auto');
    try {
      await p.keyboard.press('Escape');
      card = await hoverCard();
      await expect.poll(() => card.locator('.content').getAttribute('lang')).toBe('en');
    } finally {
      await setStoredSetting(suite.browser.context, 'settings.contentLanguage', null);
    }
    await p.close();
  });

  test('a page that declares no language', async () => {
    const texts = await highlightsOf('/lang/no-lang.html');
    expect(texts).toEqual(expect.arrayContaining(['Tchad', 'Maurice', 'Mauritius', 'Chad']));
  });
});
