/**
 * Settings glue: each setting of lib/settings.ts is a key of the extension's `local` storage
 * (never `sync`, which would send them to the browser vendor's servers), with its version noted
 * beside it under `key$`, where WXT's storage items, which kept them before, noted it. Only what
 * the user changed is stored, so untouched settings keep following the defaults. Plain storage
 * calls: the content script uses this module on every page, and needs no library for it.
 */
import { browser } from 'wxt/browser';
import { onLocalChange } from './local-changes';
import { readLocal } from './local-reads';
import { SETTINGS, readSetting, type SettingName, type SettingsStore, type SettingValue } from '../lib/settings';

/** Where a setting's version is noted, beside its value. */
const versionKey = (key: string) => `${key}$`;

/** The version noted beside a stored value; none means version 1. */
function storedVersion(meta: unknown): number {
  const v = (meta as { v?: unknown } | null | undefined)?.v;
  return typeof v === 'number' && Number.isInteger(v) && v >= 1 ? v : 1;
}

/** Several settings in one storage read (one message to the browser, not three per setting; shared with other reads of the same turn). */
export async function getSettings<const Ns extends readonly SettingName[]>(
  names: Ns,
): Promise<{ [N in Ns[number]]: SettingValue<N> }> {
  const keys = names.map((name) => SETTINGS[name].key);
  const raw = await readLocal([...keys, ...keys.map(versionKey)]);
  return Object.fromEntries(
    names.map((name, k) => [name, readSetting(name, raw[keys[k]!], storedVersion(raw[versionKey(keys[k]!)]))]),
  ) as { [N in Ns[number]]: SettingValue<N> };
}

/** Calls back when any of these settings changes, with one storage listener for them all. */
export function watchSettings(names: readonly SettingName[], onChange: () => void): () => void {
  return onLocalChange(
    names.map((name) => SETTINGS[name].key),
    onChange,
  );
}

export async function getSetting<N extends SettingName>(name: N): Promise<SettingValue<N>> {
  return (await getSettings([name] as const))[name];
}

/** Stores a value the setting accepts (anything else throws: a bug, not the reader's input). */
export async function setSetting<N extends SettingName>(name: N, value: SettingValue<N>): Promise<void> {
  const def = SETTINGS[name];
  if ((def.check as (raw: unknown) => unknown)(value) === undefined)
    throw new Error(`Invalid value for setting ${name}`);
  await browser.storage.local.set({ [def.key]: value, [versionKey(def.key)]: { v: def.version } });
}

/** Goes back to the default: removes the stored value so future default changes apply. */
export async function resetSetting(name: SettingName): Promise<void> {
  const { key } = SETTINGS[name];
  await browser.storage.local.remove([key, versionKey(key)]);
}

/** Calls back with the setting's value whenever it changes (its default when removed). */
export function watchSetting<N extends SettingName>(name: N, onChange: (value: SettingValue<N>) => void): () => void {
  const { key } = SETTINGS[name];
  return onLocalChange([key], (changes) => onChange(readSetting(name, changes[key]?.newValue)));
}

/** The extension's storage as the UI components take it. */
export const settingsStore: SettingsStore = {
  get: getSetting,
  set: setSetting,
  reset: resetSetting,
  watch: watchSetting,
};
