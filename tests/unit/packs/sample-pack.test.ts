/** The sample pack the pack-format page offers is a valid pack against the bundled dataset. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { parsePack } from '../../../lib/packs/validate';
import { loadDataEntities } from '../match/fixtures';

test('data/sample-pack.json imports with no problem and no conflict', () => {
  const text = readFileSync(join(import.meta.dirname, '../../../data/sample-pack.json'), 'utf8');
  const bundledIds = new Set(loadDataEntities().map((e) => e.id));
  const r = parsePack(text, { bundledIds, override: false });
  expect(r.ok ? [] : r.problems).toEqual([]);
  expect(r.ok && r.pack.entities.length).toBe(2);
});
