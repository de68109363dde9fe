import { describe, expect, test } from 'vitest';
import { realSearch } from './fixtures';

describe('search over the real dataset', () => {
  const { searcher } = realSearch();

  test.each(['Пан Ги Мун', '潘基文', 'بان كي مون', 'ban ki moon', 'Bam Ki-mun', 'BAN KI-MOON', 'Ban Ki Moon'])(
    '"%s" finds Ban Ki-moon first',
    (q) => {
      const hits = searcher.search(q);
      expect(hits[0]?.id).toBe('ban-ki-moon');
      expect(hits[0]?.kind).toBe('person');
      expect(hits[0]?.names.en).toBe('Ban Ki-moon');
    },
  );

  test('reports the name that matched and its language', () => {
    expect(searcher.search('Пан Ги Мун')[0]).toMatchObject({ matched: 'Пан Ги Мун', lang: 'ru', score: 0 });
    expect(searcher.search('潘基文')[0]).toMatchObject({ matched: '潘基文', lang: 'zh' });
    expect(searcher.search('بان كي مون')[0]).toMatchObject({ matched: 'بان كي مون', lang: 'ar' });
    const typo = searcher.search('Bam Ki-mun')[0]!;
    expect(typo.matched).toBe('Ban Ki-moon');
    expect(typo.score).toBeGreaterThan(0);
  });

  test('short Chinese queries: two or three characters inside a longer name', () => {
    expect(searcher.search('潘基').map((h) => h.id)).toContain('ban-ki-moon');
    const sg = searcher.search('秘书长', 20).map((h) => h.id);
    // Titles live on the office entity (holders get them only in pages, where the text names them).
    expect(sg).toContain('un-secretary-general');
    expect(searcher.search('联合国秘书长', 5)[0]?.id).toBe('un-secretary-general');
  });

  test('accents, case and Arabic letter variants do not matter', () => {
    const ids = (q: string): string[] => searcher.search(q, 5).map((h) => h.id);
    expect(ids('organisation mondiale de la sante')).toEqual(ids('Organisation Mondiale de la Santé'));
    expect(ids('ANTONIO GUTERRES')[0]).toBe('antonio-guterres');
    expect(ids('أنطونيو غوتيريش')).toEqual(ids('انطونيو غوتيريش'));
  });

  test('results are ranked, one per entity, at most `limit`', () => {
    const hits = searcher.search('united nations', 20);
    expect(hits.length).toBe(20);
    expect(new Set(hits.map((h) => h.id)).size).toBe(20);
    for (let k = 1; k < hits.length; k++) expect(hits[k]!.score).toBeGreaterThanOrEqual(hits[k - 1]!.score);
    expect(searcher.search('united nations', 3)).toHaveLength(3);
  });
});
