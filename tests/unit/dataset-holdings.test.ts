/**
 * Offices and their holders (issue 15): bad holdings are named with file, field and problem;
 * holders are derived from the persons; a title resolves to the holder the text names, else to
 * the office; and no current holding in the shipped data is older than a year of review.
 */
import { describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkHoldings, withHolders } from '../../lib/dataset/holdings';
import { parseEntityFile } from '../../lib/dataset/parse';
import { compileMatcher, findMentions } from '../../lib/match';
import { LANGS, type Entity, type Lang } from '../../lib/dataset/schema';
import { loadDataEntities } from './match/fixtures';
import { listJsonFiles } from '../../scripts/list-files';

const ROLE = Object.fromEntries(LANGS.map((l) => [l, `Chief (${l})`])) as Record<Lang, string>;

function entity(
  id: string,
  kind: Entity['kind'],
  patch: Partial<Entity> = {},
  names: Partial<Record<Lang, string>> = {},
): Entity {
  const all = Object.fromEntries(
    LANGS.map((l) => [
      l,
      { name: names[l] ?? `${id} ${l}`, aliases: [], summary: `Summary of ${id} in ${l}, long enough.` },
    ]),
  ) as unknown as Entity['names'];
  return {
    id,
    kind,
    names: all,
    facts: {},
    related: [],
    sources: ['https://www.un.org/'],
    reviewed: '2026-12-06',
    ...patch,
  };
}

const office = entity('chief-of-the-agency', 'office', { facts: { parent: 'agency' } }, { en: 'Chief of the Agency' });
const agency = entity('agency', 'organization', {}, { en: 'Widget Agency' });
const holding = (from: string, to?: string) => ({
  role: ROLE,
  office: 'chief-of-the-agency',
  from,
  ...(to ? { to } : {}),
});
const person = (id: string, en: string, ...offices: ReturnType<typeof holding>[]) =>
  entity(id, 'person', { facts: { offices } }, { en });

describe('office holdings', () => {
  test('clean holdings have no problems, and the office gets its holders, current first', () => {
    const a = person('ann-lee', 'Ann Lee', holding('2010-01-01', '2015-12-31'));
    const b = person('bo-kim', 'Bo Kim', holding('2016-01-01'));
    expect(checkHoldings([office, agency, a, b])).toEqual([]);
    const shipped = withHolders([office, agency, a, b]).find((e) => e.id === office.id)!;
    expect(shipped.facts.holders).toEqual([
      { person: 'bo-kim', from: '2016-01-01' },
      { person: 'ann-lee', from: '2010-01-01', to: '2015-12-31' },
    ]);
  });

  test('names a holding that ends before it starts', () => {
    expect(checkHoldings([office, person('x', 'X', holding('2016-05', '2015'))])).toEqual([
      expect.objectContaining({
        id: 'x',
        field: 'facts.offices[0]',
        message: expect.stringContaining('ends (2015) before it starts (2016-05)'),
      }),
    ]);
  });

  test("names a person's overlapping holdings of one office", () => {
    expect(checkHoldings([office, person('x', 'X', holding('2010', '2014'), holding('2013', '2018'))])).toEqual([
      expect.objectContaining({
        id: 'x',
        field: 'facts.offices[1]',
        message: expect.stringContaining('overlaps facts.offices[0]'),
      }),
    ]);
    // A hand-over on the same date is not an overlap.
    expect(
      checkHoldings([office, person('x', 'X', holding('2010-01-01', '2014-06-30'), holding('2014-06-30', '2018'))]),
    ).toEqual([]);
  });

  test('names an office with two current holders', () => {
    expect(checkHoldings([office, person('a', 'A', holding('2010')), person('b', 'B', holding('2016'))])).toEqual([
      expect.objectContaining({
        id: 'chief-of-the-agency',
        field: 'holders',
        message: expect.stringContaining('two current holders'),
      }),
    ]);
  });

  test('refuses a person with no dated holding, and holders written by hand', () => {
    expect(checkHoldings([entity('nobody', 'person')])).toEqual([
      expect.objectContaining({ id: 'nobody', field: 'facts.offices' }),
    ]);
    expect(checkHoldings([{ ...office, facts: { holders: [{ person: 'a' }] } }])).toEqual([
      expect.objectContaining({ field: 'facts.holders' }),
    ]);
  });
});

describe('a title names the holder the text names, else the office', () => {
  const titled = {
    ...office,
    names: {
      ...office.names,
      en: {
        ...office.names.en,
        aliases: [{ text: 'Chief', caseSensitive: true, contextual: true, note: 'shared title' }],
      },
    },
  };
  const matcher = compileMatcher([
    titled,
    agency,
    person('ann-lee', 'Ann Lee', holding('2010', '2015')),
    person('bo-kim', 'Bo Kim', holding('2016')),
  ]);
  const ids = (text: string) => findMentions(matcher, text).map((m) => `${m.text}=${m.id}`);

  test('the holder named in the text', () => {
    expect(ids('The Widget Agency said. Bo Kim spoke. The Chief added.')).toContain('Chief=bo-kim');
    expect(ids('Ann Lee spoke for the Widget Agency. The Chief added.')).toContain('Chief=ann-lee');
  });

  test('the office when no holder is named', () => {
    expect(ids('The Widget Agency said. The Chief added.')).toContain('Chief=chief-of-the-agency');
  });
});

describe('the shipped dataset', () => {
  const entities = listJsonFiles(join(import.meta.dirname, '../../data/entities')).flatMap(
    (f) => parseEntityFile(f, readFileSync(f, 'utf8')).entity ?? [],
  );

  test('no current office holding was last reviewed more than 12 months ago', () => {
    const yearAgo = new Date(Date.now() - 365 * 24 * 3600 * 1000).toISOString().slice(0, 10);
    const stale = entities
      .filter(
        (e) => e.kind === 'person' && (e.facts.offices ?? []).some((o) => o.from && !o.to) && e.reviewed < yearAgo,
      )
      .map((e) => `${e.id} (reviewed ${e.reviewed})`);
    expect(stale).toEqual([]);
  });

  test('its holdings pass the checks', () => {
    expect(checkHoldings(entities)).toEqual([]);
  });
});

describe('official sources (issue 15)', () => {
  test('every person, office and event cites an official page, or is listed in data/SOURCES-TO-CHECK.md', async () => {
    const { unsourced, listedIn, SOURCES_TO_CHECK } = await import('../../scripts/sources-to-check');
    const listed = new Set(listedIn(readFileSync(SOURCES_TO_CHECK, 'utf8')));
    const missing = unsourced(loadDataEntities());
    const newlyUnsourced = missing.filter((e) => !listed.has(e));
    expect(newlyUnsourced, 'these cite no official page: find one (lib/dataset/official-sources.ts)').toEqual([]);
    const nowSourced = [...listed].filter((e) => !missing.includes(e));
    expect(nowSourced, 'these now cite an official page: run `npx tsx scripts/sources-to-check.ts`').toEqual([]);
  });

  test('tells official pages from others', async () => {
    const { isOfficialSource } = await import('../../lib/dataset/official-sources');
    for (const url of [
      'https://press.un.org/en/2024/sga2242.doc.htm',
      'https://unama.unmissions.org/x',
      'https://www.who.int/news',
      'https://www.admin.ch/gov/en',
      'https://georgia.gov/',
      'https://www.diplomatie.gouv.fr/x',
    ]) {
      expect(isOfficialSource(url), url).toBe(true);
    }
    for (const url of [
      'https://en.wikipedia.org/wiki/UN',
      'https://notun.org/',
      'https://un.org.evil.com/',
      'not a url',
      'https://www.reuters.com/x',
    ]) {
      expect(isOfficialSource(url), url).toBe(false);
    }
  });
});
