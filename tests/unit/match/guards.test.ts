import { describe, expect, test } from 'vitest';
import { splitsChineseWord } from '../../../lib/match/guards';

const at = (text: string, name: string) => {
  const s = text.indexOf(name);
  return splitsChineseWord(text, s, s + name.length);
};

describe('a Chinese match must not split a word', () => {
  test.each([
    ['沿海地区遭遇台风。', '海地'],
    ['他在南海地区工作。', '海地'],
  ])('"%s": "%s" splits a word', (text, name) => expect(at(text, name)).toBe(true));

  test.each([
    ['马里总统访问了中国。', '马里'],
    ['联合国秘书长古特雷斯表示。', '联合国秘书长'],
    ['海地发生地震。', '海地'],
    ['他说：“联合国”', '联合国'],
    ['UN 联合国 2024', '联合国'],
  ])('"%s": "%s" stands on word boundaries', (text, name) => expect(at(text, name)).toBe(false));

  test('text without Han around the match is never segmented', () => {
    expect(splitsChineseWord('The UN said', 4, 6)).toBe(false);
  });
});
