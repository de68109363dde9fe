/**
 * Reading ahead of the reader in real Firefox (the build that ships): its IntersectionObserver
 * must report the stopping point the way Chrome's does, with the document as root and margins
 * far past the page, or the rest of a long page would never be read (or read at once).
 */
import { describe, expect, test } from 'vitest';
import { caughtUpInFirefox } from '../support/caught-up';
import { useFirefoxSuite } from '../support/firefox-suite';
import { readAheadMounts } from '../support/long-pages';
import { highlightedTexts } from '../support/sabotage-probes';

describe('reading ahead of the reader, in Firefox', () => {
  const suite = useFirefoxSuite({ mounts: readAheadMounts });

  test('at load only the top is read; scrolling to the bottom reads the rest, with names read before', async () => {
    const { page } = suite.firefox;
    await page.goto(suite.server.url('/ahead/long.html'));
    await expect
      .poll(() => page.evaluate(highlightedTexts), { timeout: 10_000, interval: 250 })
      .toContain('Ban Ki-moon');
    await caughtUpInFirefox(page);
    expect(await page.evaluate(highlightedTexts)).not.toContain('UNESCO');
    await page.evaluate(() => document.getElementById('bottom')!.scrollIntoView());
    await expect
      .poll(() => page.evaluate(highlightedTexts), { timeout: 10_000, interval: 250 })
      .toEqual(expect.arrayContaining(['Mr. Ban', 'UNESCO']));
  });

  test('where the first pass stops in a closed menu, it reads on to what is on screen', async () => {
    const { page } = suite.firefox;
    await page.goto(suite.server.url('/ahead/hidden.html'));
    await expect.poll(() => page.evaluate(highlightedTexts), { timeout: 10_000, interval: 250 }).toContain('UNICEF');
    await caughtUpInFirefox(page);
    expect(await page.evaluate(highlightedTexts)).not.toContain('UNESCO');
  });
});
