/** The Wikidata import, on real Wikidata documents (/work/shared/corpus/wikidata, via the corpus folder). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileMatcher, findMentions } from '../../../lib/match';
import { fromWikidata, matcherEntities, parsePack, wikidataDate, type WikidataResult } from '../../../lib/packs';
import { CORPUS_PAGES } from '../../support/static-server';

const DIR = join(CORPUS_PAGES, '../wikidata');
const doc = (name: string): string => readFileSync(join(DIR, `${name}.json`), 'utf8');
const entitiesOf = (r: WikidataResult) => (r.ok ? r.pack.entities : []);

describe('fromWikidata on real documents', () => {
  it('reads a city: six languages, zh variants as aliases, descriptions as summaries, source and date', () => {
    const r = fromWikidata(doc('Q2112'));
    expect(r.ok).toBe(true);
    const [e] = entitiesOf(r);
    expect(e).toMatchObject({
      id: 'q2112',
      kind: 'place', // P31 Q1549591 big city
      sources: ['https://www.wikidata.org/wiki/Q2112'],
      facts: { founded: '1214' },
      reviewed: '2023-04-04',
    });
    expect(Object.keys(e!.names)).toEqual(['en', 'fr', 'es', 'ru', 'zh', 'ar']);
    expect(e!.names.ru).toEqual({ name: 'Билефельд', aliases: [], summary: 'город в Германии' });
    expect(e!.names.zh).toMatchObject({ name: '比勒费尔德', aliases: [{ text: '比勒費爾德' }] });
    expect(r.notes).toEqual([]);
  });

  it('reads people (Q5) with birth and death dates', () => {
    const [roth] = entitiesOf(fromWikidata(doc('Q328212')));
    expect(roth).toMatchObject({ id: 'q328212', kind: 'person', facts: { born: '1988-08-19' } });
    expect(roth!.names.en!.aliases.length).toBeGreaterThan(0);
    const [christophersen] = entitiesOf(fromWikidata(doc('Q646148')));
    expect(christophersen!.facts).toEqual({ born: '1939-11-08', start: '1939-11-08', end: '2016-12-31' });
    expect(christophersen!.names.ar).toBeUndefined(); // no Arabic label
    expect(christophersen!.names.zh!.name).toBeTruthy();
  });

  it('falls back to zh-hans / zh-hant labels and skips an unknown class unless a default kind is given', () => {
    const skipped = fromWikidata(doc('Q4132785'));
    expect(skipped.ok).toBe(false);
    expect(skipped.notes).toEqual([
      {
        where: 'Q4132785',
        message: 'skipped: its classes (P31: Q7725634) are not in the kind table; choose a default kind to import it',
      },
    ]);
    const r = fromWikidata(doc('Q4132785'), { defaultKind: 'event' });
    const [e] = entitiesOf(r);
    expect(e).toMatchObject({
      kind: 'event',
      names: { zh: { name: '把銀禧帶來', aliases: [{ text: '把银禧带来' }, { text: '帶來銀禧' }] } },
    });
  });

  it.each([
    ['L525', 'L525 is a lexeme, not an item'],
    ['L525-F2', 'L525-F2 is a lexeme form, not an item'],
    ['L525-S1', 'L525-S1 is a lexeme sense, not an item'],
    ['P3035', 'P3035 is a property, not an item'],
    ['P8098', 'P8098 is a property, not an item'],
    ['M566797', 'M566797 is media info (a Commons file), not an item'],
    ['M56656949', 'M56656949 is media info (a Commons file), not an item'],
    ['Q1', 'skipped: no label or alias in en, fr, es, ru, zh, ar'],
  ])('refuses %s with a clear message', (name, message) => {
    const r = fromWikidata(doc(name));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems).toEqual([{ path: name, message }]);
  });

  it('reads Special:EntityData ({"entities": {…}}) and keeps items, noting what it skips', () => {
    const entities: Record<string, unknown> = {};
    for (const name of ['Q2112', 'L525', 'Q328212', 'P3035', 'Q571']) entities[name] = JSON.parse(doc(name));
    entities.Q999 = { id: 'Q999', missing: '' };
    const r = fromWikidata(JSON.stringify({ entities }), { defaultKind: 'organization' });
    expect(entitiesOf(r).map((e) => [e.id, e.kind])).toEqual([
      ['q2112', 'place'],
      ['q328212', 'person'],
      ['q571', 'organization'],
    ]);
    expect(r.notes).toEqual([
      { where: 'L525', message: 'L525 is a lexeme, not an item' },
      { where: 'P3035', message: 'P3035 is a property, not an item' },
      { where: 'Q999', message: 'Q999 does not exist on Wikidata (missing)' },
    ]);
  });

  it('reads a dump: a JSON array, one entity per line with trailing commas, even cut off', () => {
    const lines = ['Q2112', 'Q328212', 'Q646148'].map((n) => JSON.stringify(JSON.parse(doc(n))));
    const whole = `[\n${lines.join(',\n')}\n]\n`;
    expect(entitiesOf(fromWikidata(whole)).map((e) => e.id)).toEqual(['q2112', 'q328212', 'q646148']);
    const noBracket = `[\n${lines.join(',\n')},\n`;
    expect(entitiesOf(fromWikidata(noBracket)).map((e) => e.id)).toEqual(['q2112', 'q328212', 'q646148']);
    const cut = `[\n${lines.join(',\n')}`.slice(0, -100);
    const r = fromWikidata(cut);
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.problems[0]!.message).toMatch(/^line 4 is not one entity of a dump: .*\(the file is cut off here\?\)$/);
  });

  it('refuses files of an unrelated format with a clear message', () => {
    const pack = readFileSync(join(__dirname, '../../fixtures/packs/good/minimal.json'), 'utf8');
    const cases: [string, string][] = [
      [pack, 'format: this is a Context Lens pack, not Wikidata JSON: import it as a pack'],
      ['{"type": "FeatureCollection"}', '(root): has no "id": not a Wikidata entity'],
      [
        '{"hello": "world"}',
        '(root): not Wikidata JSON: expected {"entities": {…}} (Special:EntityData), an entity {"type": "item", "id": "Q…", …} or a JSON array of entities (a dump), got another object',
      ],
      ['', '(file): the file is empty'],
      [
        'null',
        '(root): not Wikidata JSON: expected {"entities": {…}} (Special:EntityData), an entity {"type": "item", "id": "Q…", …} or a JSON array of entities (a dump), got null',
      ],
      ['<html>', "(file): not valid JSON at line 1, column 1: Unexpected token '<'"],
      ['[]', '(file): no Wikidata items in the file'],
    ];
    for (const [text, message] of cases) {
      const r = fromWikidata(text);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.problems.map((p) => `${p.path}: ${p.message}`)[0]).toBe(message);
    }
  });

  it('leaves out hostile labels and descriptions with a note, keeping the rest', () => {
    const q = JSON.parse(doc('Q2112'));
    q.labels.fr.value = '<img src=x onerror=alert(1)>';
    q.descriptions.en.value = 'javascript:alert(1)';
    q.labels.ru.value = 'Билефельд\u202e';
    const r = fromWikidata(JSON.stringify(q));
    const [e] = entitiesOf(r);
    expect(e!.names.fr).toBeUndefined();
    expect(e!.names.en!.summary).toBeUndefined();
    expect(e!.names.ru).toBeUndefined();
    expect(r.notes).toEqual([
      { where: 'Q2112', message: 'the en description left out: contains "javascript:", which looks like a script URL' },
      { where: 'Q2112', message: 'the fr label left out: contains "<": texts are plain text, not HTML' },
      {
        where: 'Q2112',
        message: 'the ru label left out: contains the invisible bidirectional control U+202E, which can disguise text',
      },
    ]);
  });

  it('produces packs that parsePack accepts and the matcher finds', () => {
    const r = fromWikidata(`[${['Q2112', 'Q328212'].map(doc).join(',')}]`, {
      packId: 'my-wikidata',
      packName: 'My Wikidata',
    });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(parsePack(JSON.stringify(r.pack)).ok).toBe(true);
    const m = compileMatcher(matcherEntities(r.pack.entities));
    expect(findMentions(m, 'Veronica Roth visited Bielefeld; Билефельд.').map((x) => x.id)).toEqual([
      'q328212',
      'q2112',
      'q2112',
    ]);
  });

  it('reads Wikidata dates at their precision', () => {
    const t = (time: string, precision: number) => wikidataDate({ time, precision });
    expect(t('+1945-10-24T00:00:00Z', 11)).toBe('1945-10-24');
    expect(t('+1945-10-24T00:00:00Z', 10)).toBe('1945-10');
    expect(t('+1945-00-00T00:00:00Z', 9)).toBe('1945');
    expect(t('+0512-00-00T00:00:00Z', 9)).toBe('0512');
    expect(t('+1990-11-00T00:00:00Z', 11)).toBe('1990-11');
    expect(t('+1900-00-00T00:00:00Z', 7)).toBeNull(); // century
    expect(t('-0044-03-15T00:00:00Z', 11)).toBeNull(); // BCE
    expect(t('+13798000000-00-00T00:00:00Z', 3)).toBeNull();
  });
});
