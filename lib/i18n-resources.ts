/** UI strings of every locale, bundled: they are small and must work offline. */
import en from '../locales/en.json';
import fr from '../locales/fr.json';
import es from '../locales/es.json';
import ru from '../locales/ru.json';
import zh from '../locales/zh.json';
import ar from '../locales/ar.json';
import type { Lang } from './dataset/basics';

/** Locales differ in plural keys (zh has only `_other`), so the shape is checked by tests/unit/locales.test.ts. */
export type UiStrings = Record<string, unknown>;

export const UI_RESOURCES: Record<Lang, { translation: UiStrings }> = {
  en: { translation: en },
  fr: { translation: fr },
  es: { translation: es },
  ru: { translation: ru },
  zh: { translation: zh },
  ar: { translation: ar },
};

export const RTL_LANGS: ReadonlySet<Lang> = new Set(['ar']);

export function directionOf(lang: Lang): 'rtl' | 'ltr' {
  return RTL_LANGS.has(lang) ? 'rtl' : 'ltr';
}

/** The translate function as components take it: a key and interpolation values. */
export type Translate = (key: string, options?: Record<string, unknown>) => string;

/** Narrows an i18next instance's `t` to `Translate`, bound to that instance. */
export function translatorOf(i18n: { t: unknown }): Translate {
  const t = i18n.t as (key: string, options?: Record<string, unknown>) => string;
  return (key, options) => t.call(i18n, key, options);
}
