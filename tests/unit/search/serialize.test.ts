import { describe, expect, test } from 'vitest';
import Fuse from 'fuse.js';
import { buildSearchData, FUSE_OPTIONS, loadSearcher } from '../../../lib/search';
import { realEntities, realSearch } from './fixtures';

describe('search data', () => {
  test('loading the stored JSON answers exactly like data built fresh', () => {
    const fresh = loadSearcher(buildSearchData(realEntities()));
    const { searcher: stored } = realSearch();
    for (const q of ['ban', 'Ban Ki-moon', 'Bam Ki-mun', 'Пан', '潘基', 'الأمم', 'unesco', 'organisation', 'z', 'xq']) {
      expect(stored.search(q)).toEqual(fresh.search(q));
    }
  });

  test('the stored index is the one Fuse builds over the folded names', () => {
    const { data } = realSearch();
    const keys = data.index.records.map((r) => r.v);
    expect(Fuse.createIndex<string>([], keys, { fieldNormWeight: FUSE_OPTIONS.fieldNormWeight }).toJSON()).toEqual(
      data.index,
    );
    expect(data.records).toHaveLength(keys.length);
  });

  test('one record per distinct folded name of an entity; every language is covered', () => {
    const { data } = realSearch();
    const ban = data.entities.findIndex((e) => e.id === 'ban-ki-moon');
    const names = data.records.filter((r) => r[0] === ban);
    const folded = names.map((r) => data.index.records[data.records.indexOf(r)]!.v);
    expect(new Set(folded).size).toBe(folded.length);
    expect(folded).toContain('ban ki moon');
    expect(new Set(names.map((r) => r[1])).size).toBe(6);
    expect(data.entities[ban]).toEqual({
      id: 'ban-ki-moon',
      kind: 'person',
      names: expect.objectContaining({ en: 'Ban Ki-moon', zh: '潘基文' }),
    });
  });
});
