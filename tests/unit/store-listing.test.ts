/** The store listing `npm run zip` writes: six languages, within the stores' limits, each its own text. */
import { expect, test } from 'vitest';
import { LANGS } from '../../lib/dataset/basics';
import { readListing } from '../../scripts/store-assets';

test('store/listing.json has every language, summaries of at most 132 characters, no copied text', () => {
  const listing = readListing();
  for (const lang of LANGS) {
    expect(listing[lang]!.summary.length, lang).toBeLessThanOrEqual(132);
    expect(listing[lang]!.description.length, lang).toBeGreaterThan(200);
  }
  const summaries = new Set(LANGS.map((l) => listing[l]!.summary));
  const descriptions = new Set(LANGS.map((l) => listing[l]!.description));
  expect(summaries.size).toBe(LANGS.length);
  expect(descriptions.size).toBe(LANGS.length);
});
