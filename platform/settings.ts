/**
 * Settings glue: each setting of lib/settings.ts becomes a WXT storage item in `local:`
 * (never `sync:`, which would send them to the browser vendor's servers).
 * WXT stores nothing until `setValue`, so untouched settings keep following the defaults.
 */
import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import { onLocalChange } from './local-changes';
import { SETTINGS, readSetting, type SettingName, type SettingsStore, type SettingValue } from '../lib/settings';

function itemFor<N extends SettingName>(name: N) {
  const def = SETTINGS[name];
  return storage.defineItem<unknown>(`local:${def.key}`, {
    version: def.version,
    migrations: def.migrations as Record<number, (old: unknown) => unknown>,
  });
}

type Item = ReturnType<typeof itemFor>;

/**
 * Items are defined on first use: defining one makes WXT check its stored version (two
 * storage reads), and the content script, which reads its settings with getSettings on every
 * page load, needs none of them.
 */
const items = new Map<SettingName, Item>();

function item(name: SettingName): Item {
  let it = items.get(name);
  if (!it) items.set(name, (it = itemFor(name)));
  return it;
}

/** The version WXT noted beside a stored value (its `key$` entry); none means version 1. */
function storedVersion(meta: unknown): number {
  const v = (meta as { v?: unknown } | null | undefined)?.v;
  return typeof v === 'number' && Number.isInteger(v) && v >= 1 ? v : 1;
}

/** Several settings in one storage read (one message to the browser, not three per setting). */
export async function getSettings<const Ns extends readonly SettingName[]>(
  names: Ns,
): Promise<{ [N in Ns[number]]: SettingValue<N> }> {
  const keys = names.map((name) => SETTINGS[name].key);
  const raw = await browser.storage.local.get([...keys, ...keys.map((key) => `${key}$`)]);
  return Object.fromEntries(
    names.map((name, k) => [name, readSetting(name, raw[keys[k]!], storedVersion(raw[`${keys[k]!}$`]))]),
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
  return readSetting(name, await item(name).getValue());
}

export async function setSetting<N extends SettingName>(name: N, value: SettingValue<N>): Promise<void> {
  const parsed = SETTINGS[name].schema.parse(value);
  await item(name).setValue(parsed);
}

/** Goes back to the default: removes the stored value so future default changes apply. */
export async function resetSetting(name: SettingName): Promise<void> {
  await item(name).removeValue();
}

export function watchSetting<N extends SettingName>(name: N, onChange: (value: SettingValue<N>) => void): () => void {
  return item(name).watch((value) => onChange(readSetting(name, value)));
}

/** The extension's storage as the UI components take it. */
export const settingsStore: SettingsStore = {
  get: getSetting,
  set: setSetting,
  reset: resetSetting,
  watch: watchSetting,
};
