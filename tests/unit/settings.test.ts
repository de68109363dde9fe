import { describe, expect, test } from 'vitest';
import { SETTINGS, isEnabledOnHost, readSetting, resolveContentLanguage, resolveUiLanguage } from '../../lib/settings';
import {
  getSetting,
  getSettings,
  resetSetting,
  setSetting,
  watchSetting,
  watchSettings,
} from '../../platform/settings';
import { fakeBrowser } from 'wxt/testing/fake-browser';

describe('settings model', () => {
  test('reads the default when nothing is stored', () => {
    expect(readSetting('highlighting', undefined)).toBe(true);
    expect(readSetting('kindsShown', undefined)).toEqual(['organization', 'person', 'event', 'place', 'office']);
    expect(readSetting('hoverDelayMs', undefined)).toBe(150);
  });

  test('falls back to the default when storage holds a value of the wrong shape', () => {
    expect(readSetting('highlighting', 'yes')).toBe(true);
    expect(readSetting('uiLanguage', 'de')).toBe('auto');
    expect(readSetting('siteRules', { 'a.org': { enabled: 'no' } })).toEqual({});
    expect(readSetting('hoverDelayMs', 1e9)).toBe(150);
  });

  test('runs migrations from the stored version up to the current one', () => {
    const def = SETTINGS.hoverDelayMs as unknown as {
      version: number;
      migrations: Record<number, (v: unknown) => unknown>;
    };
    const saved = { version: def.version, migrations: def.migrations };
    def.version = 3;
    def.migrations = { 2: (v) => Number(v) * 2, 3: (v) => Number(v) + 1 };
    try {
      expect(readSetting('hoverDelayMs', 100, 1)).toBe(201);
      expect(readSetting('hoverDelayMs', 100, 2)).toBe(101);
    } finally {
      Object.assign(def, saved);
    }
  });

  test('a per-site rule overrides the global switch', () => {
    expect(isEnabledOnHost(true, {}, 'news.un.org')).toBe(true);
    expect(isEnabledOnHost(true, { 'news.un.org': { enabled: false } }, 'NEWS.un.org')).toBe(false);
    expect(isEnabledOnHost(false, { 'news.un.org': { enabled: true } }, 'news.un.org')).toBe(true);
    expect(isEnabledOnHost(false, {}, 'example.org')).toBe(false);
  });

  test('the UI language follows the browser and the content language follows the UI', () => {
    expect(resolveUiLanguage('auto', 'ar-EG')).toBe('ar');
    expect(resolveUiLanguage('auto', 'zh-TW')).toBe('zh');
    expect(resolveUiLanguage('auto', 'de-DE')).toBe('en');
    expect(resolveUiLanguage('ru', 'fr-FR')).toBe('ru');
    expect(resolveContentLanguage('auto', 'es')).toBe('es');
    expect(resolveContentLanguage('zh', 'es')).toBe('zh');
    // Following the page: its language when it is one of the six, else the UI language.
    expect(resolveContentLanguage('page', 'es', 'fr')).toBe('fr');
    expect(resolveContentLanguage('page', 'es', 'other')).toBe('es');
    expect(resolveContentLanguage('page', 'es', null)).toBe('es');
    expect(resolveContentLanguage('zh', 'es', 'fr')).toBe('zh');
  });
});

describe('settings storage', () => {
  test('stores nothing until the user changes a setting', async () => {
    expect(await getSetting('highlighting')).toBe(true);
    expect(await fakeBrowser.storage.local.get(null)).not.toHaveProperty('settings.highlighting');
    await setSetting('highlighting', false);
    expect(await getSetting('highlighting')).toBe(false);
    expect(await fakeBrowser.storage.local.get('settings.highlighting')).toEqual({ 'settings.highlighting': false });
  });

  test('reset removes the stored value so the default applies again', async () => {
    await setSetting('contentLanguage', 'ar');
    await resetSetting('contentLanguage');
    expect(await getSetting('contentLanguage')).toBe('page');
    expect(await fakeBrowser.storage.local.get('settings.contentLanguage')).toEqual({});
  });

  test('notes the version beside a stored value, and reset removes both', async () => {
    await setSetting('highlightStyle', 'underline');
    expect(await fakeBrowser.storage.local.get(['settings.highlightStyle', 'settings.highlightStyle$'])).toEqual({
      'settings.highlightStyle': 'underline',
      'settings.highlightStyle$': { v: SETTINGS.highlightStyle.version },
    });
    await resetSetting('highlightStyle');
    expect(await fakeBrowser.storage.local.get(['settings.highlightStyle', 'settings.highlightStyle$'])).toEqual({});
  });

  test('a watcher hears the default when the setting is reset', async () => {
    await setSetting('hoverDelayMs', 400);
    const seen: unknown[] = [];
    const stop = watchSetting('hoverDelayMs', (v) => seen.push(v));
    await resetSetting('hoverDelayMs');
    await new Promise((r) => setTimeout(r, 10));
    stop();
    expect(seen).toEqual([150]);
  });

  test('dismissals of the wrong shape read as none', async () => {
    const good = {
      text: 'georgia',
      entity: 'georgia-country',
      scope: 'site',
      where: 'a.org',
      at: '2026-01-01T00:00:00Z',
    };
    expect(readSetting('dismissals', [good])).toEqual([good]);
    expect(readSetting('dismissals', [{ ...good, scope: 'galaxy' }])).toEqual([]);
    expect(readSetting('dismissals', [{ ...good, extra: 1 }])).toEqual([]);
    expect(readSetting('dismissals', [{ ...good, text: '' }])).toEqual([]);
    const { where: _, ...everywhere } = { ...good, scope: 'everywhere' };
    expect(readSetting('dismissals', [everywhere])).toEqual([everywhere]);
  });

  test('refuses to store an invalid value', async () => {
    await expect(setSetting('hoverDelayMs', -5)).rejects.toThrow();
    expect(await getSetting('hoverDelayMs')).toBe(150);
  });

  test('watchers hear changes', async () => {
    const seen: unknown[] = [];
    const stop = watchSetting('uiLanguage', (v) => seen.push(v));
    await setSetting('uiLanguage', 'fr');
    await new Promise((r) => setTimeout(r, 10));
    stop();
    expect(seen).toEqual(['fr']);
  });

  test('getSettings reads several in one storage call, with defaults and validation as getSetting', async () => {
    await setSetting('uiLanguage', 'ar');
    await fakeBrowser.storage.local.set({ 'settings.hoverDelayMs': 'slow' }); // a value of the wrong shape
    let calls = 0;
    const get = fakeBrowser.storage.local.get.bind(fakeBrowser.storage.local);
    fakeBrowser.storage.local.get = ((keys: never) => (calls++, get(keys))) as typeof get;
    try {
      const read = await getSettings(['uiLanguage', 'hoverDelayMs', 'highlighting'] as const);
      expect(read).toEqual({ uiLanguage: 'ar', hoverDelayMs: 150, highlighting: true });
      expect(calls).toBe(1);
    } finally {
      fakeBrowser.storage.local.get = get;
    }
  });

  test('getSettings migrates a value from the version noted beside it', async () => {
    const def = SETTINGS.hoverDelayMs as unknown as {
      version: number;
      migrations: Record<number, (v: unknown) => unknown>;
    };
    const saved = { version: def.version, migrations: def.migrations };
    def.version = 2;
    def.migrations = { 2: (v) => (v as number) * 2 };
    try {
      await fakeBrowser.storage.local.set({ 'settings.hoverDelayMs': 100, 'settings.hoverDelayMs$': { v: 1 } });
      expect((await getSettings(['hoverDelayMs'] as const)).hoverDelayMs).toBe(200);
      await fakeBrowser.storage.local.set({ 'settings.hoverDelayMs$': { v: 2 } });
      expect((await getSettings(['hoverDelayMs'] as const)).hoverDelayMs).toBe(100);
    } finally {
      Object.assign(def, saved);
    }
  });

  test('watchSettings hears a change to any of its settings, and only those', async () => {
    let heard = 0;
    const stop = watchSettings(['uiLanguage', 'highlighting'], () => heard++);
    await setSetting('highlighting', false);
    await setSetting('hoverDelayMs', 300);
    await new Promise((r) => setTimeout(r, 10));
    expect(heard).toBe(1);
    stop();
    await setSetting('uiLanguage', 'fr');
    await new Promise((r) => setTimeout(r, 10));
    expect(heard).toBe(1);
  });
});
