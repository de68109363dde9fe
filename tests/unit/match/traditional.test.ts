import { describe, expect, test } from 'vitest';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { normalize } from '../../../lib/text/normalize';
import { TSX } from '../tsx';

describe('Traditional Chinese reads as Simplified', () => {
  test('folds character for character, keeping the length', () => {
    const pairs: [string, string][] = [
      ['聯合國', '联合国'],
      ['敘利亞', '叙利亚'],
      ['世界衛生組織總幹事譚德塞', '世界卫生组织总干事谭德塞'],
    ];
    for (const [traditional, simplified] of pairs) {
      expect(normalize(traditional).text).toBe(normalize(simplified).text);
      expect(normalize(traditional).text.length).toBe(traditional.length);
    }
  });

  test('the generated map is what the installed OpenCC dictionary gives', () => {
    const r = spawnSync(TSX, ['scripts/gen-han-fold.ts', '--check'], {
      cwd: join(import.meta.dirname, '../../..'),
      encoding: 'utf8',
    });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });
});
