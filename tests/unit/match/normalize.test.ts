import { describe, expect, it } from 'vitest';
import { foldText, normalize, normalizeCased, originalSpan } from '../../../lib/text/normalize';

describe('normalize: one rule at a time', () => {
  it('folds case', () => {
    expect(foldText('United NATIONS')).toBe('united nations');
    expect(foldText('ОРГАНИЗАЦИЯ')).toBe('организация');
  });

  it('strips Latin accents but keeps Cyrillic й and CJK', () => {
    expect(foldText('Secrétaire générale')).toBe('secretaire generale');
    expect(foldText('Señor Ñandú')).toBe('senor nandu');
    expect(foldText('Žižek Øre Łódź')).toBe('zizek øre łodz');
    expect(foldText('Генеральный')).toBe('генеральный');
    expect(foldText('联合国秘书长')).toBe('联合国秘书长');
    expect(foldText('국제연합')).toBe('국제연합');
  });

  it('folds decomposed accents and composes a decomposed й', () => {
    expect(foldText('Se\u0301cre\u0301taire')).toBe('secretaire');
    expect(foldText('Генеральны\u0438\u0306')).toBe('генеральный');
    expect(normalizeCased('\u0418\u0306').text).toBe('Й');
  });

  it('turns ё into е', () => {
    expect(foldText('Объединённых Ёлка')).toBe('объединенных елка');
    expect(normalizeCased('Ёлка').text).toBe('Елка');
  });

  it('strips Arabic harakat and tatweel and unifies letter variants', () => {
    expect(foldText('الأُمَمُ المُتَّحِدَة')).toBe('الامم المتحده');
    expect(foldText('إ آ ٱ أ')).toBe('ا ا ا ا');
    expect(foldText('مصطفى')).toBe('مصطفي');
    expect(foldText('الأمـــم')).toBe('الامم');
    expect(foldText('ﻻ')).toBe('لا');
  });

  it('maps full-width forms to ASCII', () => {
    expect(foldText('ＵＮＥＳＣＯ　２０２４！')).toBe('unesco 2024!');
    expect(normalizeCased('ＵＮ').text).toBe('UN');
  });

  it('reads every dash as a space: "Guinea Bissau" is "Guinea-Bissau", "Ban Ki moon" is "Ban Ki-moon"', () => {
    expect(foldText('a‐b‑c‒d–e—f―g−h﹣i－j-k')).toBe('a b c d e f g h i j k');
    expect(foldText('Guinea - Bissau')).toBe('guinea bissau');
  });

  it('maps apostrophes and quotes', () => {
    expect(foldText('l’ONU l‘a lʼb l`c l´d l′e l＇f')).toBe("l'onu l'a l'b l'c l'd l'e l'f");
    expect(foldText('“UN” „x“ «y»')).toBe('"un" "x" "y"');
  });

  it('turns every space and line break into one space', () => {
    expect(foldText('United\u00a0Nations\u202fGeneral\u2009Assembly\u3000x\ty\nz')).toBe(
      'united nations general assembly x y z',
    );
    expect(foldText('United \n\r\n\t  Nations')).toBe('united nations');
  });

  it('removes zero-width, bidi controls and soft hyphens', () => {
    expect(foldText('Uni\u200bted\u200c Na\u200dtions\u200e\u200f')).toBe('united nations');
    expect(foldText('\u202aA\u202b\u202c\u202d\u202eB\u2066C\u2067\u2068\u2069D\u00adE\ufeff')).toBe('abcde');
    // A dropped unit between two spaces does not break the run.
    expect(foldText('a \u200b b')).toBe('a b');
  });

  it('keeps lone surrogates and pairs without throwing', () => {
    expect(foldText('a\ud83d b\ude00 c😀d𠀀')).toBe('a\ud83d b\ude00 c😀d𠀀');
    expect(normalize('\ud800').text).toBe('\ud800');
  });

  it('returns an empty text for an empty string', () => {
    expect(normalize('')).toEqual({ text: '', map: new Uint32Array([0]) });
  });
});

describe('normalize: the offset map', () => {
  it('maps every unit to its original index and the end to the original length', () => {
    const original = 'É\u200bcole  ﬁn';
    const { text, map } = normalize(original);
    expect(text).toBe('ecole fin');
    expect([...map]).toEqual([0, 2, 3, 4, 5, 6, 8, 8, 9, 10]);
  });

  it('gives original spans that slice back to the right text', () => {
    const cases: Array<[string, string, string]> = [
      ['Hello, Ban Ki\u2011moon!', 'ban ki moon', 'Ban Ki\u2011moon'],
      ['x Jose\u0301 y', 'jose', 'Jose\u0301'],
      [
        '«l’Organisation\u00a0des\n Nations Unies»',
        'organisation des nations unies',
        'Organisation\u00a0des\n Nations Unies',
      ],
      ['😀 联合国秘书长 😀', '联合国', '联合国'],
      ['والأُمَمُ المتّحدة', 'الامم المتحده', 'الأُمَمُ المتّحدة'],
      ['Генеральны\u0438\u0306 x', 'генеральный', 'Генеральны\u0438\u0306'],
      ['a\u200b\u200bUN\u200b\u200b b', 'un', 'UN'],
      ['𠀀𠀁 x', '𠀀𠀁', '𠀀𠀁'],
    ];
    for (const [original, needle, expected] of cases) {
      const { text, map } = normalize(original);
      const s = text.indexOf(needle);
      expect(s, needle).toBeGreaterThanOrEqual(0);
      const [a, b] = originalSpan(original, map, s, s + needle.length);
      expect(original.slice(a, b)).toBe(expected);
    }
  });

  it('gives the case-preserving view the same length and map', () => {
    const original = 'İstanbul ＵＮ Объединённых ﬁ WHO';
    const folded = normalize(original);
    const cased = normalizeCased(original);
    expect(cased.text.length).toBe(folded.text.length);
    expect([...cased.map]).toEqual([...folded.map]);
    expect(cased.text).toBe('Istanbul UN Объединенных fi WHO');
    expect(folded.text).toBe('istanbul un объединенных fi who');
  });

  it('is linear on large input', () => {
    const big = 'Organisation des Nations Unies — l’ONU. '.repeat(100_000);
    const t0 = performance.now();
    const { text, map } = normalize(big);
    expect(map.length).toBe(text.length + 1);
    expect(performance.now() - t0).toBeLessThan(5000);
  });
});

describe('foldText', () => {
  it('equals normalize().text on short and long strings (its buffers grow)', async () => {
    const { foldText, normalize } = await import('../../../lib/text/normalize');
    const long = 'Организация Объединённых Наций — الأمم المتحدة — Côte d’Ivoire. '.repeat(400);
    for (const text of ['', 'É', 'ﻻ ﬁ Ａ', long, long.slice(0, 1000), long + long])
      expect(foldText(text)).toBe(normalize(text).text);
  });
});
