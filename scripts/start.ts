/**
 * `npm start` (after `npm run build`): opens Chromium with the extension on the two seed pages.
 * With a display it stays open until you close the browser; without one (or with CI set) it runs
 * headless, saves screenshots of each seed page and of the popup, and exits.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  CHROME_BUILD,
  findChromium,
  launchWithExtension,
  NO_CHROMIUM_MESSAGE,
  tabIdOf,
} from '../tests/support/chromium';
import { REPO_ROOT, SEED_PAGES, startStaticServer } from '../tests/support/static-server';

const SHOTS = join(REPO_ROOT, 'artifacts/start');

async function main(): Promise<void> {
  if (!findChromium()) {
    console.error(NO_CHROMIUM_MESSAGE);
    process.exit(1);
  }
  const headless = !process.env.DISPLAY || Boolean(process.env.CI) || process.argv.includes('--headless');
  const server = await startStaticServer();
  const browser = await launchWithExtension({ headless });
  console.log(`Unpacked build (chrome://extensions → Developer mode → Load unpacked): ${CHROME_BUILD}`);

  const pages = [];
  for (const path of SEED_PAGES) {
    const page = await browser.context.newPage();
    await page.goto(server.url(path));
    pages.push(page);
  }
  // Leave the content script its idle-time passes before we look.
  await pages[0]!.waitForTimeout(1500);
  const tabId = await tabIdOf(browser.context, pages[0]!);
  const popup = await browser.context.newPage();
  await popup.setViewportSize({ width: 380, height: 560 });
  await popup.goto(`chrome-extension://${browser.extensionId}/popup.html?tab=${tabId}`);
  await popup.waitForSelector('[data-testid="page-status"]');

  if (!headless) {
    console.log('Chromium is open on the seed pages. Close the browser window to stop.');
    await new Promise<void>((done) => browser.context.on('close', () => done()));
    await server.close();
    return;
  }

  mkdirSync(SHOTS, { recursive: true });
  const written: string[] = [];
  for (const [i, page] of pages.entries()) {
    await page.bringToFront();
    const file = join(SHOTS, `seed-${i + 1}.png`);
    await page.screenshot({ path: file, fullPage: true });
    written.push(file);
  }
  const popupFile = join(SHOTS, 'popup.png');
  await popup.screenshot({ path: popupFile });
  written.push(popupFile);
  await browser.close();
  await server.close();
  console.log(`Headless run (no display). Screenshots in ${SHOTS}:`);
  for (const file of written) console.log(`  ${file}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
