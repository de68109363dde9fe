/**
 * A page opened at its top is read to a screen below what the reader sees, and the rest as the
 * reader scrolls towards it (entrypoints/content/read-ahead.ts, issue 18): every page load no
 * longer pays for reading text nobody reaches. Whatever needs the whole page (the popup's
 * status, the next-mention command) has the rest read at once; a page opened scrolled is read
 * whole; and the page taking out the place where reading stopped loses nothing.
 */
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { pageStatus, setStoredSetting } from '../support/chromium';
import { useExtensionSuite } from '../support/extension-suite';
import { readAheadMounts } from '../support/long-pages';
import { readHighlights } from '../support/page-highlights';
import { caughtUp } from '../support/caught-up';

const names = async (page: Page) => (await readHighlights(page)).map((h) => h.text);

describe('reading ahead of the reader, in Chromium', () => {
  const suite = useExtensionSuite({ mounts: readAheadMounts });
  const url = () => suite.server.url('/ahead/long.html');

  /** Opens the long page at its top and waits until the first part is read and drawn. */
  async function openAtTop(): Promise<Page> {
    const page = await suite.browser.context.newPage();
    await page.goto(url());
    await expect.poll(() => names(page), { timeout: 10_000 }).toContain('Ban Ki-moon');
    // caughtUp appends to <body>, which must not have the whole page read again either.
    await caughtUp(page);
    return page;
  }

  test('at load only the top is read; scrolling to the bottom reads the rest, with names read before', async () => {
    const page = await openAtTop();
    expect(await names(page)).not.toContain('UNESCO');
    await page.evaluate(() => document.getElementById('bottom')!.scrollIntoView());
    await expect.poll(() => names(page), { timeout: 10_000 }).toEqual(expect.arrayContaining(['Mr. Ban', 'UNESCO']));
    await page.close();
  });

  test('the popup asking for the page status has the rest read at once, without scrolling', async () => {
    const page = await openAtTop();
    expect(await names(page)).not.toContain('UNESCO');
    // Not scanned until the whole page is read; asking is what has it read.
    expect((await pageStatus(suite.browser.context, page))?.scanned).toBe(false);
    await expect
      .poll(async () => (await pageStatus(suite.browser.context, page))?.scanned, { timeout: 10_000 })
      .toBe(true);
    expect(await names(page)).toEqual(expect.arrayContaining(['Ban Ki-moon', 'Mr. Ban', 'UNESCO']));
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
    await page.close();
  });

  test('a page opened scrolled to its bottom is read whole, the top included', async () => {
    const page = await suite.browser.context.newPage();
    await page.goto(url() + '#bottom');
    expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(0);
    await expect
      .poll(() => names(page), { timeout: 10_000 })
      .toEqual(expect.arrayContaining(['Ban Ki-moon', 'Mr. Ban', 'UNESCO']));
    await page.close();
  });

  test('the page taking out the text where reading stopped: what comes on screen is still read', async () => {
    const page = await openAtTop();
    // The page's own script removes the middle, where the first pass stopped, and what it read.
    await page.evaluate(() => document.getElementById('middle')!.remove());
    await expect.poll(() => names(page), { timeout: 10_000 }).toEqual(expect.arrayContaining(['Mr. Ban', 'UNESCO']));
    await page.close();
  });

  test('with highlighting turned off, scrolling on draws nothing; turned on, the whole page comes back', async () => {
    const page = await openAtTop();
    await setStoredSetting(suite.browser.context, 'settings.highlighting', false);
    try {
      await expect.poll(() => page.evaluate(() => CSS.highlights.size)).toBe(0);
      await page.evaluate(() => document.getElementById('bottom')!.scrollIntoView());
      // An observation window, not a wait for something: with highlighting on, the same scroll
      // has the rest drawn well within it (the first test); here nothing may be drawn.
      await page.waitForTimeout(1_000);
      expect(await page.evaluate(() => CSS.highlights.size)).toBe(0);
    } finally {
      await setStoredSetting(suite.browser.context, 'settings.highlighting', null);
    }
    await expect
      .poll(() => names(page), { timeout: 10_000 })
      .toEqual(expect.arrayContaining(['Ban Ki-moon', 'Mr. Ban', 'UNESCO']));
    await page.close();
  });

  test('where the first pass stops in hidden text (a closed menu), it reads on to what is on screen', async () => {
    const page = await suite.browser.context.newPage();
    await page.goto(suite.server.url('/ahead/hidden.html'));
    await expect.poll(() => names(page), { timeout: 10_000 }).toContain('UNICEF');
    await caughtUp(page);
    expect(await names(page)).not.toContain('UNESCO');
    await page.close();
  });
});
