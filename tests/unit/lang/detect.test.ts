/**
 * The language of a block: declared (lang attribute, --lang) unless the text contradicts it,
 * detected otherwise; never an exception on odd input.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { blockLanguage, detectLanguage, documentLanguage, languageOfTag } from '../../../lib/lang/detect';
import { ALL_LANGS, LANG_BITS, LanguageRuns, languageRunsOfText, maskOfLanguage } from '../../../lib/lang/runs';
import { TSX } from '../tsx';

describe('languageOfTag', () => {
  it('reads the primary subtag of a BCP 47 tag, any case', () => {
    expect(languageOfTag('en-GB')).toBe('en');
    expect(languageOfTag('zh-Hant-TW')).toBe('zh');
    expect(languageOfTag('AR')).toBe('ar');
    expect(languageOfTag('fre')).toBe('fr');
    expect(languageOfTag('pt-BR')).toBe('other');
  });

  it('gives null for no tag, an undetermined tag or garbage', () => {
    for (const t of [null, undefined, '', '  ', 'und', 'x', '12', 'en_US!'.slice(5), '<script>'])
      expect(languageOfTag(t)).toBeNull();
  });
});

describe('detectLanguage', () => {
  const sentences: [string, string][] = [
    ['en', 'The Secretary-General said the meeting would take place in Geneva next week.'],
    ['fr', 'Le Secrétaire général a déclaré que la réunion aurait lieu à Genève la semaine prochaine.'],
    ['es', 'El Secretario General dijo que la reunión se celebraría en Ginebra la próxima semana.'],
    ['ru', 'Генеральный секретарь заявил, что встреча состоится в Женеве.'],
    ['zh', '联合国秘书长表示，会议将于下周在日内瓦举行。'],
    ['ar', 'قال الأمين العام إن الاجتماع سيعقد في جنيف الأسبوع المقبل.'],
    ['other', 'Der Generalsekretär sagte, das Treffen finde nächste Woche in Genf statt.'],
    ['other', 'O secretário-geral disse que a reunião seria em Genebra na próxima semana.'],
    ['other', '国連事務総長は、会議は来週ジュネーブで開かれると述べた。'],
  ];
  it.each(sentences)('tells %s', (lang, text) => {
    expect(detectLanguage(text)).toBe(lang);
  });

  it('says nothing about text too short or without letters', () => {
    expect(detectLanguage('Chad')).toBeNull();
    expect(detectLanguage('2024 — 12:30 · ✓')).toBeNull();
    expect(detectLanguage('')).toBeNull();
  });
});

describe('blockLanguage', () => {
  it('believes a declaration that fits the text', () => {
    expect(blockLanguage('fr', 'Le Tchad et Maurice ont signé.')).toBe('fr');
    expect(blockLanguage('en', 'Chad')).toBe('en');
  });

  it('reads a Russian quote inside an English article as Russian', () => {
    expect(blockLanguage('en', '«Мы призываем все стороны к сдержанности», — сказал он.')).toBe('ru');
  });

  it('reads a long English caption on a Spanish page as English', () => {
    const caption =
      'Secretary-General António Guterres addresses the opening of the general debate of the General Assembly.';
    expect(blockLanguage('es', caption)).toBe('en');
  });

  it('replaces a declaration of another script by the detected language', () => {
    expect(blockLanguage('ru', 'The Security Council met on Tuesday to discuss the situation.')).toBe('en');
    expect(blockLanguage('zh', 'Генеральная Ассамблея')).toBe('ru');
  });

  it('keeps a declared other language', () => {
    expect(blockLanguage('other', 'Die Vereinten Nationen tagten in Genf.')).toBe('other');
  });

  it('never throws on mixed scripts in one word, lone surrogates or control characters', () => {
    for (const t of ['Hello世界Мир', '\ud800abc', '\u0000\u0001', 'ا'.repeat(10_000), 'x'.repeat(100_000)]) {
      expect(() => blockLanguage('en', t)).not.toThrow();
      expect(() => blockLanguage(null, t)).not.toThrow();
      expect(() => documentLanguage('fr', t)).not.toThrow();
    }
  });
});

describe('documentLanguage', () => {
  const french =
    'Le Conseil de sécurité des Nations Unies a adopté mardi une résolution sur la situation au Sahel. '.repeat(4);
  it('corrects a template that says lang="en" on a French page', () => {
    expect(documentLanguage('en', french)).toBe('fr');
  });
  it('keeps a declaration the text agrees with, and detects when none is given', () => {
    expect(documentLanguage('fr', french)).toBe('fr');
    expect(documentLanguage(null, french)).toBe('fr');
  });
  it('keeps a Latin declaration when the text is too short to tell', () => {
    expect(documentLanguage('en', 'Le Tchad.')).toBe('en');
  });
});

describe('language runs', () => {
  it('allow only their own Latin language in English, French and Spanish blocks, every alias elsewhere', () => {
    expect(maskOfLanguage('en') & LANG_BITS.fr).toBe(0);
    expect(maskOfLanguage('en') & LANG_BITS.en).not.toBe(0);
    expect(maskOfLanguage('en') & LANG_BITS.zh).not.toBe(0);
    expect(maskOfLanguage('zh')).toBe(ALL_LANGS);
    expect(maskOfLanguage('other')).toBe(ALL_LANGS);
    expect(maskOfLanguage(null)).toBe(ALL_LANGS);
  });

  it('finds the run of any offset, in or out of order', () => {
    const runs = new LanguageRuns();
    runs.push(0, 'en');
    runs.push(10, 'en'); // same language: merged
    runs.push(20, 'fr');
    runs.push(30, 'ru');
    expect(runs.size).toBe(3);
    const [en, fr, ru] = [maskOfLanguage('en'), maskOfLanguage('fr'), maskOfLanguage('ru')];
    expect([35, 0, 25, 19, 20, 5, 29, 30].map((o) => runs.maskAt(o))).toEqual([ru, en, fr, en, fr, en, fr, ru]);
    expect([5, 25, 35].map((o) => runs.languageAt(o))).toEqual(['en', 'fr', 'ru']);
    expect(new LanguageRuns().maskAt(5)).toBe(ALL_LANGS);
    expect(new LanguageRuns().languageAt(5)).toBeNull();
  });

  it('split a text into blocks by line', () => {
    const text = 'The Security Council met today in New York.\n«Мы призываем все стороны», — сказал он.';
    const runs = languageRunsOfText(text, 'en');
    expect(runs.maskAt(0)).toBe(maskOfLanguage('en'));
    expect(runs.maskAt(text.indexOf('«'))).toBe(ALL_LANGS);
  });

  it('decide an undecided run when an offset in it is first asked about, once, and no other', () => {
    const runs = new LanguageRuns();
    const decided: string[] = [];
    runs.pushUndecided(0, () => (decided.push('first'), 'en'));
    runs.pushUndecided(10, () => (decided.push('second'), 'fr'));
    runs.push(20, 'ru');
    expect(decided).toEqual([]);
    expect([5, 3, 9].map((o) => runs.maskAt(o))).toEqual(Array(3).fill(maskOfLanguage('en')));
    expect(runs.languageAt(25)).toBe('ru');
    expect(decided).toEqual(['first']);
    expect(runs.languageAt(15)).toBe('fr');
    expect(runs.maskAt(12)).toBe(maskOfLanguage('fr'));
    expect(decided).toEqual(['first', 'second']);
  });

  it('give every offset of a text the language its own block has, decided or not', () => {
    const lines = [
      'The Security Council met today in New York to discuss the situation.',
      'Le Conseil de sécurité s’est réuni aujourd’hui à New York pour examiner la situation.',
      '',
      'El Consejo de Seguridad se reunió hoy en Nueva York para examinar la situación.',
      '安全理事会今天在纽约举行会议。',
      'مجلس الأمن اجتمع اليوم في نيويورك.',
    ];
    const text = lines.join('\n');
    const runs = languageRunsOfText(text, 'en');
    const declared = documentLanguage('en', text);
    let from = 0;
    for (const line of lines) {
      const expected = maskOfLanguage(blockLanguage(declared, text, from, from + line.length));
      for (let o = from; o <= from + line.length; o++) expect(runs.maskAt(o), `offset ${o}`).toBe(expected);
      from += line.length + 1;
    }
    expect(runs.languageAt(text.indexOf('Le Conseil'))).toBe('fr');
  });
});

it('the Latin trigram profiles are what the installed franc-min gives', () => {
  const r = spawnSync(TSX, ['scripts/gen-lang-trigrams.ts', '--check'], {
    cwd: join(import.meta.dirname, '../../..'),
    encoding: 'utf8',
  });
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
});
