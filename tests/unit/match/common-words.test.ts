/**
 * One-word names equal to ordinary words, decided from the registry's word lists: «Того» is
 * Togo only capitalized and not at a sentence start; generated Russian forms are never a
 * function word; the word lists are what the installed package gives.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileMatcher, findMentions, inflectRussian } from '../../../lib/match';
import { entityPatterns } from '../../../lib/match/patterns';
import { V_COMMON_WORD } from '../../../lib/match/types';
import { checkConventions } from '../../../lib/dataset/conventions';
import { entity } from './fixtures';
import { TSX } from '../tsx';

const togo = entity('togo', 'place', {
  en: { name: 'Togo' },
  fr: { name: 'Togo' },
  es: { name: 'Togo' },
  ru: { name: 'Тоголезская Республика', short: 'Того' },
  zh: { name: '多哥' },
  ar: { name: 'توغو' },
});
const matcher = compileMatcher([togo]);
const ids = (text: string) => findMentions(matcher, text).map((m) => `${m.text}@${m.start}`);

describe('names equal to function words', () => {
  it('match capitalized in the middle of a sentence', () => {
    expect(ids('Президент Того прибыл в Нью-Йорк.')).toEqual(['Того@10']);
  });

  it('do not match at a sentence start, in lower case, or after a quote opening a sentence', () => {
    expect(ids('Того же мнения придерживается и Франция.')).toEqual([]);
    expect(ids('Он согласился. Того требовала ситуация.')).toEqual([]);
    expect(ids('«Того и ждали», — сказал он.')).toEqual([]);
    expect(ids('для того чтобы')).toEqual([]);
  });

  it('are flagged by the compiler from the word lists, not by name', () => {
    const specs = entityPatterns(togo, 0);
    expect(specs.find((s) => s.text === 'Того')!.flags & V_COMMON_WORD).toBe(V_COMMON_WORD);
    expect(specs.find((s) => s.text === 'Togo')!.flags & V_COMMON_WORD).toBe(0);
  });

  it('never come out of the Russian inflector as a function word', () => {
    // A name declined like «Эта» would give «Эту», «Этой»: function words, dropped; «Эты» stays.
    expect(inflectRussian('Эта', false)).toEqual(expect.arrayContaining(['Эту', 'Этой']));
    const forms = entityPatterns(entity('x', 'place', { en: { name: 'X' }, ru: { name: 'Эта' } }), 0)
      .filter((s) => /[а-я]/i.test(s.text))
      .map((s) => s.text);
    expect(forms).toContain('Эта');
    expect(forms).not.toContain('Эту');
    expect(forms).not.toContain('Этой');
    expect(forms.length).toBeGreaterThan(1);
  });

  it('pass the data conventions capitalized, and fail them in lower case', () => {
    expect(checkConventions([togo])).toEqual([]);
    const lower = entity('lower', 'place', { en: { name: 'Lower' }, ru: { name: 'Нижний', aliases: ['того'] } });
    expect(checkConventions([lower]).map((p) => p.field)).toEqual(['names.ru.aliases[0]']);
  });
});

it('the word lists are what the installed `stopword` package gives', () => {
  const r = spawnSync(TSX, ['scripts/gen-word-lists.ts', '--check'], {
    cwd: join(import.meta.dirname, '../../..'),
    encoding: 'utf8',
  });
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
});
