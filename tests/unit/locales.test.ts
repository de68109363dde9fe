import { describe, expect, test } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { UI_RESOURCES } from '../../lib/i18n-resources';
import { LANGS } from '../../lib/dataset/basics';

const PLURAL = /_(zero|one|two|few|many|other)$/;

function flatten(obj: Record<string, unknown>, prefix = ''): string[] {
  return Object.entries(obj).flatMap(([k, v]) =>
    typeof v === 'object' && v !== null ? flatten(v as Record<string, unknown>, `${prefix}${k}.`) : [`${prefix}${k}`],
  );
}

const keysOf = (lang: (typeof LANGS)[number]) => flatten(UI_RESOURCES[lang].translation);
const baseKeys = (keys: string[]) => [...new Set(keys.map((k) => k.replace(PLURAL, '')))].sort();

describe('UI locales', () => {
  const english = baseKeys(keysOf('en'));

  test.each(LANGS.filter((l) => l !== 'en'))('%s has exactly the keys of the English source', (lang) => {
    expect(baseKeys(keysOf(lang))).toEqual(english);
  });

  test.each(LANGS)('%s has every plural form its language needs', (lang) => {
    const keys = keysOf(lang);
    const plurals = [...new Set(keys.filter((k) => PLURAL.test(k)).map((k) => k.replace(PLURAL, '')))];
    const categories = new Intl.PluralRules(lang).resolvedOptions().pluralCategories;
    for (const base of plurals) {
      for (const category of categories) expect(keys).toContain(`${base}_${category}`);
    }
  });

  test('the manifest name and description exist in all six languages', () => {
    const dir = join(import.meta.dirname, '../../public/_locales');
    const folders = readdirSync(dir).sort();
    expect(folders).toEqual(['ar', 'en', 'es', 'fr', 'ru', 'zh_CN']);
    for (const folder of folders) {
      const messages = JSON.parse(readFileSync(join(dir, folder, 'messages.json'), 'utf8'));
      expect(messages.extName.message).toBeTruthy();
      expect(messages.extDescription.message.length).toBeLessThanOrEqual(132); // Chrome Web Store limit
    }
  });
});
