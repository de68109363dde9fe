/** Good packs, conflicts with the bundled dataset, and the fast path agreeing with zod. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileMatcher, findMentions } from '../../../lib/match';
import { fastEntityValid } from '../../../lib/packs/entity-check';
import { firstSyntaxError, lineColumn } from '../../../lib/packs/json';
import {
  displayEntity,
  dropEntities,
  matcherEntities,
  packEntitySchema,
  PACK_LIMITS,
  parsePack,
  type PackEntity,
} from '../../../lib/packs';
import { aliasCount, generateEntities, generatePack } from '../../../scripts/bench/generated-pack';
import { localizedSchema } from '../../../lib/dataset/schema';

const minimal = readFileSync(join(__dirname, '../../fixtures/packs/good/minimal.json'), 'utf8');

describe('parsePack on good packs', () => {
  it('accepts the minimal pack, fills defaults and counts names', () => {
    const r = parsePack(minimal);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.pack.entities.map((e) => e.id)).toEqual(['alpha', 'beta']);
    expect(r.pack.entities[1]!.names.ar).toEqual({ name: 'بيتا', aliases: [] });
    expect(r.stats).toEqual({ entities: 2, aliases: 5, languages: { en: 1, fr: 1, es: 0, ru: 0, zh: 0, ar: 1 } });
    expect(r.conflicts).toEqual([]);
    expect(r.needsConfirmation).toBe(false);
    expect(r.pack.description).toBe('A pack for the tests.\nTwo lines.');
  });

  it('ignores one leading byte order mark, as browsers do when they read a file', () => {
    expect(parsePack(`\ufeff${minimal}`).ok).toBe(true);
  });

  it('fills missing facts, related and aliases like the schema defaults', () => {
    const p = JSON.parse(minimal);
    delete p.entities[0].facts;
    delete p.entities[0].related;
    delete p.entities[0].names.fr.aliases;
    const r = parsePack(JSON.stringify(p));
    expect(r.ok && r.pack.entities[0]).toMatchObject({ facts: {}, related: [], names: { fr: { aliases: [] } } });
  });

  it('accepts a generated pack of 2,000 entities, deterministic for a seed', () => {
    const a = generatePack(2_000, 7);
    expect(generatePack(2_000, 7)).toEqual(a);
    expect(generateEntities(100, 7)).toEqual(a.entities.slice(0, 100));
    expect(generatePack(2_000, 8)).not.toEqual(a);
    const r = parsePack(JSON.stringify(a));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.pack).toEqual(a);
    const perEntity = r.stats.aliases / r.stats.entities;
    expect(perEntity).toBeGreaterThan(2.5);
    expect(perEntity).toBeLessThan(3.5);
    for (const n of Object.values(r.stats.languages)) expect(n).toBeGreaterThan(200);
    expect(new Set(a.entities.map((e) => e.kind)).size).toBe(4);
  });
});

describe('conflicts with the bundled dataset', () => {
  const p = JSON.parse(minimal);
  p.entities[0].id = 'united-nations';
  p.entities[1].related = ['united-nations', 'un-security-council'];
  const text = JSON.stringify(p);
  const bundledIds = new Set(['united-nations', 'un-security-council']);

  it('asks by default: accepted, conflicts listed, needsConfirmation set', () => {
    const r = parsePack(text, { bundledIds });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.conflicts).toEqual([{ id: 'united-nations', index: 0 }]);
    expect(r.needsConfirmation).toBe(true);
    const skipped = dropEntities(
      r.pack,
      r.conflicts.map((c) => c.id),
    );
    expect(skipped.entities.map((e) => e.id)).toEqual(['beta']);
  });

  it('override: true accepts them without asking', () => {
    const r = parsePack(text, { bundledIds, override: true });
    expect(r.ok && r.needsConfirmation).toBe(false);
    expect(r.conflicts).toHaveLength(1);
  });

  it('override: false makes each a problem', () => {
    const r = parsePack(text, { bundledIds, override: false });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems).toEqual([
      { path: 'entities[0].id', message: '"united-nations" is already in the bundled dataset (override is off)' },
    ]);
    expect(r.conflicts).toEqual([{ id: 'united-nations', index: 0 }]);
  });

  it('links may point to bundled ids, but only when they are given', () => {
    const r = parsePack(text);
    expect(r.ok ? [] : r.problems.map((x) => x.path)).toEqual(['entities[1].related[1]']);
  });
});

/** A pack entity as JSON the tests may break in any way. */
type Loc = Record<string, unknown> & { aliases?: unknown[] };
type E = Record<string, unknown> & { names: Record<string, Loc> };
const first = (e: E): Loc => Object.values(e.names)[0]!;
const set = (o: object, key: string, value: unknown): void => void ((o as Record<string, unknown>)[key] = value);

/** Small changes that may or may not break an entity: the fast path must never accept what zod refuses. */
const MUTATIONS: ((e: E) => void)[] = [
  (e) => delete e.kind,
  (e) => (e.kind = 'Person'),
  (e) => (e.id = 'Bad Id'),
  (e) => (e.id = 'a'.repeat(101)),
  (e) => (e.id = 'a'.repeat(100)),
  (e) => (e.names = {}),
  (e) => set(e, 'names', null),
  (e) => (e.names.xx = first(e)),
  (e) => (first(e).name = ''),
  (e) => (first(e).name = 'x'.repeat(301)),
  (e) => (first(e).name = 'x'.repeat(300)),
  (e) => (first(e).summary = ''),
  (e) => (first(e).summary = 'short'),
  (e) => (first(e).short = ''),
  (e) => set(first(e), 'aliases', null),
  (e) => delete first(e).aliases,
  (e) => first(e).aliases!.push({ text: 'x', contextual: 'yes' }),
  (e) => first(e).aliases!.push({ text: 'x', note: '' }),
  (e) => first(e).aliases!.push({ text: 'x', extra: 1 }),
  (e) => (first(e).aliases = Array.from({ length: 201 }, (_, i) => ({ text: `a${i}` }))),
  (e) => delete e.facts,
  (e) => (e.facts = { founded: '19' }),
  (e) => (e.facts = { iso2: 'fr' }),
  (e) => (e.facts = { region: '' }),
  (e) => (e.facts = { offices: [{ role: { en: 'Chair' } }] }),
  (e) => (e.facts = { offices: [{ role: { en: 'a', fr: 'a', es: 'a', ru: 'a', zh: 'a', ar: 'a' }, from: '2001' }] }),
  (e) => (e.facts = { participants: ['gen-000001', 'Nope'] }),
  (e) => delete e.related,
  (e) => (e.related = ['x', 7]),
  (e) => (e.sources = []),
  (e) => (e.sources = ['https://example.org/a b']),
  (e) => (e.sources = ['HTTPS://EXAMPLE.ORG/']),
  (e) => (e.sources = ['ftp://example.org/']),
  (e) => (e.reviewed = '2025-13'),
  (e) => (e.reviewed = '2025-01-31'),
  (e) => (e.extra = true),
];

describe('the fast path and zod', () => {
  const base = generateEntities(40, 3);

  it('never accepts what zod refuses, and gives the same value when both accept', () => {
    let fastYes = 0;
    for (const mutate of MUTATIONS) {
      for (const original of base) {
        const e = structuredClone(original) as unknown as E;
        mutate(e);
        const zod = packEntitySchema.safeParse(structuredClone(e));
        const copy = structuredClone(e);
        const fast = fastEntityValid(copy);
        if (fast) {
          fastYes++;
          expect(zod.success, `${mutate.toString()} on ${e.id}`).toBe(true);
          if (zod.success) expect(copy).toEqual(zod.data);
        }
      }
    }
    expect(fastYes).toBeGreaterThan(100); // the mutations that keep an entity valid take the fast path
  });

  it('reads its limits from the dataset schema', () => {
    expect(PACK_LIMITS.name).toBe(localizedSchema.shape.name.maxLength);
    expect(PACK_LIMITS.aliasesPerLanguage).toBe(200);
    expect(PACK_LIMITS.summary).toBe(1200);
  });
});

describe('JSON errors', () => {
  it('finds lines and columns', () => {
    expect(lineColumn('ab\ncd\nef', 4)).toEqual({ line: 2, column: 2 });
    expect(firstSyntaxError('{"a": [1, 2,]}')).toBe(12);
    expect(firstSyntaxError('{"a": 1}')).toBeNull();
    expect(firstSyntaxError('[{"a": "b"}, {"c": [true, false, null, -1.5e3]}]')).toBeNull();
    expect(firstSyntaxError('{"a": 1} x')).toBe(9);
    expect(firstSyntaxError('[1, 2')).toBe(5);
  });
});

describe('pack entities in the matcher and the card', () => {
  const r = parsePack(minimal);
  const entities = r.ok ? r.pack.entities : [];

  it('matcherEntities compiles only the languages present', () => {
    const m = compileMatcher(matcherEntities(entities));
    const found = findMentions(m, 'Example alpha met Exemple beta and بيتا.').map((x) => [x.text, x.id]);
    expect(found).toEqual([
      ['Example alpha', 'alpha'],
      ['بيتا', 'beta'],
    ]);
  });

  it('displayEntity fills missing languages from the fallback order', () => {
    const beta = entities[1] as PackEntity;
    const shown = displayEntity(beta, ['fr', 'en']);
    expect(shown.names.en).toEqual({ name: 'بيتا', aliases: [], summary: '' });
    expect(aliasCount(beta)).toBe(1);
  });
});
