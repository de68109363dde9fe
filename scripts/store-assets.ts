/**
 * `npm run zip` ends here: the store listing in the six languages, beside the zips in .output/,
 * as each store asks for it. Per language, `.output/store/<lang>/listing.md` (name, summary of at
 * most 132 characters, description, from store/listing.json, written here) and two 1280×800
 * screenshots taken in real Chromium with the interface and card in that language: a seed page
 * with a card open, and the library. `--check` only validates the texts (a unit test runs it).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { LANGS } from '../lib/dataset/basics';

const ROOT = join(import.meta.dirname, '..');
const OUT = join(ROOT, '.output/store');

const listingSchema = z.record(
  z.enum(LANGS),
  z.strictObject({
    name: z.string().min(1).max(75),
    summary: z.string().min(20).max(132),
    description: z.string().min(200).max(16_000),
  }),
);

export function readListing(): z.infer<typeof listingSchema> {
  const listing = listingSchema.parse(JSON.parse(readFileSync(join(ROOT, 'store/listing.json'), 'utf8')));
  const missing = LANGS.filter((l) => !listing[l]);
  if (missing.length) throw new Error(`store/listing.json: no listing in ${missing.join(', ')}`);
  return listing;
}

/** Chinese screenshots show empty boxes without a CJK font (Debian: fonts-noto-cjk). */
function warnWithoutCjkFont(): void {
  const fonts = spawnSync('fc-list', [':lang=zh'], { encoding: 'utf8' });
  if (fonts.status === 0 && fonts.stdout.trim() === '') {
    console.warn('No Chinese font on this machine: the zh screenshots will show empty boxes (install fonts-noto-cjk).');
  }
}

async function screenshots(): Promise<void> {
  warnWithoutCjkFont();
  const { launchWithExtension, setStoredSetting } = await import('../tests/support/chromium');
  const { startStaticServer, SEED_PAGES } = await import('../tests/support/static-server');
  const { rectOfText } = await import('../tests/support/page-highlights');
  const { inUi } = await import('../tests/support/ui-frame');
  const server = await startStaticServer();
  const browser = await launchWithExtension();
  try {
    for (const lang of LANGS) {
      await setStoredSetting(browser.context, 'settings.uiLanguage', lang);
      await setStoredSetting(browser.context, 'settings.contentLanguage', lang);
      const dir = join(OUT, lang);
      const page = await browser.context.newPage();
      await page.setViewportSize({ width: 1280, height: 800 });
      await page.goto(server.url(SEED_PAGES[0]!));
      await page.waitForTimeout(1500);
      const r = await rectOfText(page, 'Ban Ki-moon');
      await page.mouse.move(r.x + r.width / 2, r.y + r.height / 2);
      await inUi(page, 'entity-card', 10_000);
      await page.waitForTimeout(300);
      await page.screenshot({ path: join(dir, 'screenshot-1-card.png') });
      await page.close();
      const library = await browser.context.newPage();
      await library.setViewportSize({ width: 1280, height: 800 });
      await library.goto(`chrome-extension://${browser.extensionId}/library.html`);
      await library.getByTestId('library').waitFor();
      await library.screenshot({ path: join(dir, 'screenshot-2-library.png') });
      await library.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
}

async function main(): Promise<number> {
  const listing = readListing();
  if (process.argv.includes('--check')) return 0;
  for (const lang of LANGS) {
    const { name, summary, description } = listing[lang]!;
    mkdirSync(join(OUT, lang), { recursive: true });
    writeFileSync(join(OUT, lang, 'listing.md'), `# ${name}\n\n${summary}\n\n${description}\n`);
  }
  await screenshots();
  console.log(`store listing and screenshots for ${LANGS.join(', ')} → .output/store/`);
  return 0;
}

if (process.argv[1]?.endsWith('store-assets.ts')) {
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    },
  );
}
