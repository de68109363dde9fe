/**
 * i18next for extension pages. The UI language comes from the settings ("auto" = the browser's),
 * and pages follow a change of it without reload.
 */
import i18next, { type i18n } from 'i18next';
import { UI_RESOURCES, directionOf } from '../lib/i18n-resources';
import { resolveUiLanguage } from '../lib/settings';
import type { Lang } from '../lib/dataset/basics';
import { getSetting, watchSetting } from './settings';

export async function startI18n(onChange: (lang: Lang) => void): Promise<i18n> {
  const lang = resolveUiLanguage(await getSetting('uiLanguage'), navigator.language);
  const instance = i18next.createInstance();
  await instance.init({
    lng: lang,
    fallbackLng: 'en',
    resources: UI_RESOURCES,
    interpolation: { escapeValue: false }, // Preact escapes text itself.
    returnNull: false,
  });
  applyDocumentLanguage(lang);
  watchSetting('uiLanguage', (choice) => {
    const next = resolveUiLanguage(choice, navigator.language);
    void instance.changeLanguage(next).then(() => {
      applyDocumentLanguage(next);
      onChange(next);
    });
  });
  return instance;
}

function applyDocumentLanguage(lang: Lang): void {
  document.documentElement.lang = lang;
  document.documentElement.dir = directionOf(lang);
}
