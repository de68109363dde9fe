/**
 * Malformed and hostile packs: every one is refused, with a message that names the place.
 * Small ones are files in tests/fixtures/packs/bad/; huge ones are built here.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PACK_LIMITS, parsePack, type PackResult } from '../../../lib/packs';

const DIR = join(__dirname, '../../fixtures/packs');
const read = (name: string): string => readFileSync(join(DIR, name), 'utf8');
const good = JSON.parse(read('good/minimal.json'));

function problems(r: PackResult): string[] {
  if (r.ok) throw new Error('expected the pack to be refused');
  return r.problems.map((p) => `${p.path}: ${p.message}`);
}

/** File → the problems it must produce ("path: start of message"), in order. */
const EXPECTED: Record<string, string[]> = {
  'bad-created-at.json': ['createdAt: expected an ISO 8601 date or date-time'],
  'bad-date.json': ['entities[0].facts.founded: expected a date like 2007, 2007-01 or 2007-01-01'],
  'bad-pack-id.json': ['id: expected a kebab-case slug such as "my-organizations", got "My Pack!"'],
  'bidi-in-id.json': [
    'entities[0].id: contains the invisible bidirectional control U+202E',
    'entities[1].related[0]: links to unknown id "alpha"',
  ],
  'bidi-in-name.json': [
    'entities[0].names.en.name: contains the invisible bidirectional control U+202E, which can disguise text',
  ],
  'blank-name.json': ['entities[0].names.fr.name: is blank (only spaces)'],
  'bom-only.json': ['(file): the file is empty'],
  'bom-twice.json': ['(file): not valid JSON at line 1, column 1: Unexpected token U+FEFF (an invisible character)'],
  'constructor-key.json': ['entities[0].names.constructor: forbidden key "constructor"'],
  'control-character.json': ['entities[0].names.en.short: contains the control character U+0007'],
  'deeply-nested.json': ['entities[0].facts.founded: expected string, got an array'],
  'duplicate-ids.json': ['entities[1].id: duplicate id "alpha" (also entities[0])'],
  'empty-entities.json': ['entities: the pack is empty: it has no entities'],
  'empty.json': ['(file): the file is empty'],
  'entities-not-array.json': ['entities: expected an array of entities, got an object'],
  'event-handler-in-summary.json': [
    'entities[0].names.fr.summary: contains "onerror=", which looks like an HTML event handler',
  ],
  'html-entity-in-name.json': [
    'entities[0].names.fr.name: contains the HTML character reference "&eacute;": write the character itself',
  ],
  'html-in-name.json': ['entities[0].names.en.name: contains "<": texts are plain text, not HTML'],
  'http-source.json': ['entities[0].sources[0]: expected an https URL (https://…), got "http://example.org/"'],
  'invalid-json.json': ['(file): not valid JSON at line 1, column 46: Expected double-quoted property name'],
  'javascript-in-alias.json': [
    'entities[0].names.en.aliases[1].text: contains "JavaScript:", which looks like a script URL',
  ],
  'javascript-source.json': ['entities[0].sources[0]: expected an https URL (https://…), got "javascript:alert(1)"'],
  'lone-surrogate.json': ['entities[0].names.en.short: contains an unpaired surrogate (broken UTF-16)'],
  'markup-in-pack-name.json': ['name: contains "<": texts are plain text, not HTML'],
  'missing-format.json': ['format: missing: a pack starts with "format": "context-lens-pack"'],
  'missing-languages.json': ['entities[0].names: needs a name in at least one language (en, fr, es, ru, zh, ar)'],
  'missing-name.json': ['entities[0].names.fr.name: missing (required)'],
  'newline-in-name.json': ['entities[0].names.en.name: contains a line break or tab (write it on one line)'],
  'no-sources.json': ['entities[0].sources: every entity needs a source URL'],
  'null.json': ['(root): expected a pack object {"format": "context-lens-pack", …}, got null'],
  'proto-pollution.json': ['__proto__: forbidden key "__proto__"', 'entities[0].__proto__: forbidden key "__proto__"'],
  'script-in-summary.json': ['entities[0].names.en.summary: contains "<": texts are plain text, not HTML'],
  'self-link.json': ['entities[0].facts.parent: links to itself'],
  'single-quotes.json': ["(file): not valid JSON at line 1, column 2: Expected property name or '}'"],
  'top-level-array.json': [
    '(root): expected a pack object {"format": "context-lens-pack", …}, got an array (a JSON array is a Wikidata dump? use the Wikidata import)',
  ],
  'top-level-string.json': [
    '(root): expected a pack object {"format": "context-lens-pack", …}, got the string "context-lens-pack"',
  ],
  'trailing-comma.json': ["(file): not valid JSON at line 4, column 21: Unexpected token ']'"],
  'truncated.json': [
    "(file): not valid JSON at line 18, column 9: Expected property name or '}' (the text ends too early: is the file cut off?)",
  ],
  'unknown-field.json': ['extra: unknown field', 'entities[0].colour: unknown field'],
  'unknown-format.json': ['format: unknown format "geojson"; expected "context-lens-pack"'],
  'unknown-language.json': [
    'entities[0].names.de: unknown field',
    'entities[0].names: needs a name in at least one language',
  ],
  'unknown-link.json': [
    'entities[1].related[0]: links to unknown id "nowhere" (not in this pack or the bundled dataset)',
  ],
  'unknown-version.json': ['version: version 2 is not supported; this version of Context Lens reads pack version 1'],
  'version-as-string.json': [
    'version: expected a version number, got the string "1"; this version of Context Lens reads pack version 1',
  ],
  'whitespace-only.json': ['(file): the file is empty'],
  'wikidata-entitydata.json': [
    'format: missing: a pack starts with "format": "context-lens-pack" (this looks like Wikidata JSON: use the Wikidata import)',
  ],
  'wikidata-lexeme.json': [
    'format: missing: a pack starts with "format": "context-lens-pack" (this looks like Wikidata JSON: use the Wikidata import)',
  ],
  'wikidata-property.json': [
    'format: missing: a pack starts with "format": "context-lens-pack" (this looks like Wikidata JSON: use the Wikidata import)',
  ],
  'wrong-types.json': [
    'entities[0].kind: expected one of "organization", "person", "event", "place", "office"; got the string "planet"',
    'entities[0].names.en.name: expected string, got the number 42',
    'entities[0].names.fr.aliases: expected array, got the string "Exemple"',
    'entities[0].related[0]: expected string, got the number 7',
    'entities[0].sources: expected array, got the string "https://example.org"',
  ],
};

describe('bad pack fixtures', () => {
  const files = readdirSync(join(DIR, 'bad')).sort();

  it('has an expectation for every fixture, and at least 30 fixtures', () => {
    expect(files.length).toBeGreaterThanOrEqual(30);
    expect(files).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(files)('refuses %s with messages that name the place', (file) => {
    const r = parsePack(read(`bad/${file}`));
    const got = problems(r);
    const want = EXPECTED[file]!;
    expect(got.length, got.join('\n')).toBe(want.length);
    want.forEach((w, k) => expect(got[k]).toContain(w));
    if (!r.ok) expect(r.problemCount).toBe(want.length);
  });

  it('does not pollute prototypes', () => {
    parsePack(read('bad/proto-pollution.json'));
    parsePack(read('bad/constructor-key.json'));
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
  });
});

describe('huge and hostile packs built in the test', () => {
  const TEN_MB = 'a'.repeat(10 * 1024 * 1024);
  type E = Record<string, unknown> & { names: Record<string, Record<string, unknown> & { aliases: unknown[] }> };
  const withEntity = (mutate: (e: E) => void): string => {
    const pack = structuredClone(good);
    pack.entities[1].related = []; // so the only problem is the one made here
    mutate(pack.entities[0]);
    return JSON.stringify(pack);
  };
  const cases: [string, (e: E) => void, string][] = [
    ['id', (e) => (e.id = TEN_MB), 'entities[0].id: too long: 10485760 characters, at most 100'],
    [
      'name',
      (e) => (e.names.en!.name = TEN_MB),
      'entities[0].names.en.name: too long: 10485760 characters, at most 300',
    ],
    [
      'summary',
      (e) => (e.names.en!.summary = `<script>${TEN_MB}`),
      'entities[0].names.en.summary: too long: 10485768 characters, at most 1200',
    ],
    [
      'alias',
      (e) => e.names.en!.aliases.push({ text: TEN_MB }),
      'entities[0].names.en.aliases[1].text: too long: 10485760 characters, at most 200',
    ],
    [
      'source',
      (e) => (e.sources = [`https://${TEN_MB}`]),
      'entities[0].sources[0]: too long: 10485768 characters, at most 2000',
    ],
    ['link', (e) => (e.related = [TEN_MB]), 'entities[0].related[0]: too long: 10485760 characters, at most 100'],
  ];

  it.each(cases)(
    'refuses a 10 MB %s quickly, with one message',
    (_, mutate, message) => {
      const text = withEntity(mutate);
      const t0 = performance.now();
      const got = problems(parsePack(text));
      expect(got).toEqual([message]);
      // Generous bound (slow CI machines): the point is "no regex over 10 MB", which takes seconds.
      expect(performance.now() - t0).toBeLessThan(5_000);
    },
    30_000,
  );

  it('refuses a 10 MB pack name and a 10 MB pack id', () => {
    const p = structuredClone(good);
    p.name = TEN_MB;
    p.id = TEN_MB;
    expect(problems(parsePack(JSON.stringify(p)))).toEqual([
      'id: too long: 10485760 characters, at most 64',
      'name: too long: 10485760 characters, at most 100',
    ]);
  });

  it('refuses more than 200,000 entities before looking at them', () => {
    const one = '{}'; // never looked at: the count is checked first
    const text = `{"format":"context-lens-pack","version":1,"id":"big","name":"Big","entities":[${Array(
      PACK_LIMITS.entities + 1,
    )
      .fill(one)
      .join(',')}]}`;
    expect(problems(parsePack(text))).toEqual(['entities: 200,001 entities; a pack holds at most 200,000']);
  }, 30_000);

  it('lists the first 200 problems and counts all of them', () => {
    const p = structuredClone(good);
    p.entities = Array.from({ length: 300 }, (_, i) => ({ ...good.entities[0], id: `e${i}`, kind: 'planet' }));
    const r = parsePack(JSON.stringify(p));
    const got = problems(r);
    expect(got).toHaveLength(200);
    expect(got[199]).toBe(
      'entities[199].kind: expected one of "organization", "person", "event", "place", "office"; got the string "planet"',
    );
    if (!r.ok) expect(r.problemCount).toBe(300);
    const few = parsePack(JSON.stringify(p), { maxProblems: 5 });
    expect(few.ok ? 0 : few.problems.length).toBe(5);
  });

  it('refuses non-string input', () => {
    expect(problems(parsePack(undefined as unknown as string))).toEqual([
      '(file): expected the text of a file, got nothing',
    ]);
  });

  it('refuses JSON nested a million levels deep without a stack overflow', () => {
    const text = `{"format":"context-lens-pack","version":1,"id":"x","name":"x","entities":[${'['.repeat(1_000_000)}${']'.repeat(1_000_000)}]}`;
    expect(problems(parsePack(text))).toEqual(['entities[0]: expected object, got an array']);
  }, 30_000);
});
