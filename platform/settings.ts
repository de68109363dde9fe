/**
 * Settings glue: each setting of lib/settings.ts becomes a WXT storage item in `local:`
 * (never `sync:`, which would send them to the browser vendor's servers).
 * WXT stores nothing until `setValue`, so untouched settings keep following the defaults.
 */
import { storage } from 'wxt/utils/storage';
import { SETTINGS, readSetting, type SettingName, type SettingsStore, type SettingValue } from '../lib/settings';

function itemFor<N extends SettingName>(name: N) {
  const def = SETTINGS[name];
  return storage.defineItem<unknown>(`local:${def.key}`, {
    version: def.version,
    migrations: def.migrations as Record<number, (old: unknown) => unknown>,
  });
}

const items = Object.fromEntries((Object.keys(SETTINGS) as SettingName[]).map((name) => [name, itemFor(name)])) as {
  [N in SettingName]: ReturnType<typeof itemFor>;
};

export async function getSetting<N extends SettingName>(name: N): Promise<SettingValue<N>> {
  return readSetting(name, await items[name].getValue());
}

export async function setSetting<N extends SettingName>(name: N, value: SettingValue<N>): Promise<void> {
  const parsed = SETTINGS[name].schema.parse(value);
  await items[name].setValue(parsed);
}

/** Goes back to the default: removes the stored value so future default changes apply. */
export async function resetSetting(name: SettingName): Promise<void> {
  await items[name].removeValue();
}

export function watchSetting<N extends SettingName>(name: N, onChange: (value: SettingValue<N>) => void): () => void {
  return items[name].watch((value) => onChange(readSetting(name, value)));
}

/** The extension's storage as the UI components take it. */
export const settingsStore: SettingsStore = {
  get: getSetting,
  set: setSetting,
  reset: resetSetting,
  watch: watchSetting,
};
