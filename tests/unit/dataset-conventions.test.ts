import { describe, expect, test } from 'vitest';
import { checkConventions } from '../../lib/dataset/conventions';
import { parseEntityFile } from '../../lib/dataset/parse';
import type { Entity, Lang } from '../../lib/dataset/schema';

const LANG_SUFFIX: Record<Lang, string> = { en: '', fr: ' (fr)', es: ' (es)', ru: ' (ru)', zh: ' (zh)', ar: ' (ar)' };

function entity(id: string, patch: Partial<Entity> = {}, aliases: Entity['names']['en']['aliases'] = []): Entity {
  const names = Object.fromEntries(
    (Object.keys(LANG_SUFFIX) as Lang[]).map((l) => [
      l,
      { name: `${id} name`, aliases, summary: `Summary of ${id}, founded in 1945.${LANG_SUFFIX[l]}` },
    ]),
  ) as Entity['names'];
  return {
    id,
    kind: 'organization',
    names,
    facts: {},
    related: [],
    sources: ['https://www.un.org/'],
    reviewed: '2026-11-22',
    ...patch,
  };
}

describe('dataset conventions', () => {
  test('a clean dataset has no problems', () => {
    expect(checkConventions([entity('a', { related: ['b'] }), entity('b')])).toEqual([]);
  });

  test('reports a duplicate id', () => {
    expect(checkConventions([entity('a'), entity('a')])).toContainEqual(
      expect.objectContaining({ id: 'a', field: 'id', message: expect.stringContaining('duplicate') }),
    );
  });

  test('reports a dangling link with its field', () => {
    const problems = checkConventions([entity('a', { facts: { parent: 'nowhere' } })]);
    expect(problems).toEqual([
      expect.objectContaining({ field: 'facts.parent', message: expect.stringContaining('nowhere') }),
    ]);
  });

  test('refuses "who" as a case-insensitive English alias but accepts the acronym WHO', () => {
    expect(checkConventions([entity('a', {}, [{ text: 'who' }])]).length).toBeGreaterThan(0);
    expect(checkConventions([entity('a', {}, [{ text: 'WHO', caseSensitive: true }])])).toEqual([]);
  });

  test('refuses French "une" as an alias', () => {
    const e = entity('a');
    e.names.fr.aliases = [{ text: 'une' }];
    expect(checkConventions([e])).toContainEqual(expect.objectContaining({ field: 'names.fr.aliases[0]' }));
  });

  test('a common Chinese word is allowed only as a contextual mention', () => {
    const e = entity('a');
    e.names.zh.aliases = [{ text: '大会' }];
    expect(checkConventions([e]).length).toBeGreaterThan(0);
    e.names.zh.aliases = [{ text: '大会', contextual: true }];
    expect(checkConventions([e])).toEqual([]);
  });

  test('the same alias on two entities needs a note on each', () => {
    const without = checkConventions([
      entity('a', {}, [{ text: 'ICC', caseSensitive: true }]),
      entity('b', {}, [{ text: 'ICC', caseSensitive: true }]),
    ]);
    expect(without.length).toBeGreaterThan(0);
    const noted = { text: 'ICC', caseSensitive: true, note: 'Court vs Chamber of Commerce' };
    expect(checkConventions([entity('a', {}, [noted]), entity('b', {}, [noted])])).toEqual([]);
  });

  test('reports a summary copied untranslated into another language', () => {
    const e = entity('a');
    e.names.ar.summary = e.names.en.summary;
    expect(checkConventions([e])).toContainEqual(expect.objectContaining({ field: 'names.ar.summary' }));
  });
});

describe('parsing an entity file', () => {
  test('names the file and the field of a schema fault', () => {
    const broken = { ...entity('a'), kind: 'planet' };
    const { problems } = parseEntityFile('data/entities/organization/a.json', JSON.stringify(broken));
    expect(problems).toEqual([expect.objectContaining({ file: 'data/entities/organization/a.json', field: 'kind' })]);
  });

  test('reports a missing language', () => {
    const e = entity('a') as Partial<Entity>;
    const names = { ...e.names } as Partial<Entity['names']>;
    delete names.zh;
    const { problems } = parseEntityFile('data/entities/organization/a.json', JSON.stringify({ ...e, names }));
    expect(problems[0]?.field).toBe('names.zh');
  });

  test('reports invalid JSON', () => {
    expect(parseEntityFile('x.json', '{ nope').problems[0]?.message).toMatch(/not valid JSON/);
  });

  test('requires the file to be named after kind and id', () => {
    const { problems } = parseEntityFile('data/entities/person/b.json', JSON.stringify(entity('a')));
    expect(problems[0]?.message).toMatch(/organization\/a\.json/);
  });

  test('requires a source URL', () => {
    const { problems } = parseEntityFile(
      'data/entities/organization/a.json',
      JSON.stringify(entity('a', { sources: [] })),
    );
    expect(problems[0]?.field).toBe('sources');
  });
});
