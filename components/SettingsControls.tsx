/**
 * Quick controls shared by the popup and the library page: highlighting on/off, this site
 * on/off, kinds shown, UI and content languages. Every change goes through the settings model.
 */
import { useEffect, useState } from 'preact/hooks';
import { KINDS, LANGS, type Kind } from '../lib/dataset/basics';
import {
  notesPaintedOn,
  SETTINGS,
  type ContentLangChoice,
  type LangChoice,
  type SettingName,
  type SettingsStore,
  type SettingValue,
  type SiteRule,
} from '../lib/settings';
import type { Translate } from '../lib/i18n-resources';

const LANGUAGE_NAMES: Record<(typeof LANGS)[number], string> = {
  en: 'English',
  fr: 'Français',
  es: 'Español',
  ru: 'Русский',
  zh: '中文',
  ar: 'العربية',
};

function LanguageSelect(props: {
  label: string;
  auto: string;
  /** Offers "follow the page" (the card language only). */
  followPage?: string;
  value?: ContentLangChoice;
  testId: string;
  onPick: (value: string) => void;
}) {
  return (
    <label>
      {props.label}
      <select value={props.value} onChange={(e) => props.onPick(e.currentTarget.value)} data-testid={props.testId}>
        {props.followPage && <option value="page">{props.followPage}</option>}
        <option value="auto">{props.auto}</option>
        {LANGS.map((l) => (
          <option key={l} value={l} lang={l}>
            {LANGUAGE_NAMES[l]}
          </option>
        ))}
      </select>
    </label>
  );
}

export function useSetting<N extends SettingName>(settings: SettingsStore, name: N): SettingValue<N> | undefined {
  const [value, setValue] = useState<SettingValue<N> | undefined>(undefined);
  useEffect(() => {
    let live = true;
    void settings.get(name).then((v) => live && setValue(v));
    const unwatch = settings.watch(name, setValue);
    return () => {
      live = false;
      unwatch();
    };
  }, [settings, name]);
  return value;
}

/** `detailed` adds the highlight style and hover delay (the library page has room for them). */
export function SettingsControls({
  t,
  settings,
  host,
  detailed = false,
}: {
  t: Translate;
  settings: SettingsStore;
  host?: string;
  detailed?: boolean;
}) {
  const highlighting = useSetting(settings, 'highlighting');
  const siteRules = useSetting(settings, 'siteRules');
  const kinds = useSetting(settings, 'kindsShown');
  const uiLanguage = useSetting(settings, 'uiLanguage');
  const contentLanguage = useSetting(settings, 'contentLanguage');
  const highlightStyle = useSetting(settings, 'highlightStyle');
  const hoverDelayMs = useSetting(settings, 'hoverDelayMs');
  const notesHiddenOn = useSetting(settings, 'notesHiddenOn');
  if (highlighting === undefined || siteRules === undefined || kinds === undefined || notesHiddenOn === undefined)
    return null;

  const siteEnabled = host ? (siteRules[host]?.enabled ?? true) : true;
  const setSite = (enabled: boolean) => {
    if (!host) return;
    const next: Record<string, SiteRule> = { ...siteRules };
    if (enabled) delete next[host];
    else next[host] = { enabled: false };
    void settings.set('siteRules', next);
  };
  const setNotesShown = (site: string, shown: boolean) => {
    const others = notesHiddenOn.filter((h) => h !== site);
    void settings.set('notesHiddenOn', shown ? others : [...others, site].sort());
  };
  const toggleKind = (kind: Kind, on: boolean) => {
    const next = on ? [...new Set([...kinds, kind])] : kinds.filter((k) => k !== kind);
    void settings.set(
      'kindsShown',
      KINDS.filter((k) => next.includes(k)),
    );
  };
  // The default is stored as no value at all, so a better default can reach the user later.
  const pickLanguage = (name: 'uiLanguage' | 'contentLanguage', value: string) =>
    value === SETTINGS[name].fallback ? void settings.reset(name) : void settings.set(name, value as LangChoice);

  return (
    <section class="controls" data-testid="controls">
      <label>
        <input
          type="checkbox"
          checked={highlighting}
          onChange={(e) => void settings.set('highlighting', e.currentTarget.checked)}
          data-testid="toggle-highlighting"
        />
        {t('controls.highlighting')}
      </label>
      {host && (
        <label>
          <input
            type="checkbox"
            checked={siteEnabled}
            onChange={(e) => setSite(e.currentTarget.checked)}
            data-testid="toggle-site"
          />
          {t('controls.onThisSite', { host })}
        </label>
      )}
      {host && (
        <label title={t('controls.notesHint')}>
          <input
            type="checkbox"
            checked={notesPaintedOn(notesHiddenOn, host)}
            onChange={(e) => setNotesShown(host, e.currentTarget.checked)}
            data-testid="toggle-site-notes"
          />
          {t('controls.notesOnThisSite', { host })}
        </label>
      )}
      {detailed && (
        <div class="notes-hidden" data-testid="notes-hidden-on">
          <p class="hint">{t('controls.notesHint')}</p>
          {notesHiddenOn.length > 0 && (
            <>
              <p>{t('controls.notesHiddenOn')}</p>
              <ul>
                {notesHiddenOn.map((site) => (
                  <li key={site}>
                    <bdi>{site}</bdi>{' '}
                    <button type="button" onClick={() => setNotesShown(site, true)}>
                      {t('controls.showNotesAgain')}
                    </button>
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
      )}
      <fieldset>
        <legend>{t('controls.kinds')}</legend>
        {KINDS.map((kind) => (
          <label key={kind}>
            <input
              type="checkbox"
              checked={kinds.includes(kind)}
              onChange={(e) => toggleKind(kind, e.currentTarget.checked)}
            />
            {t(`kindPlural.${kind}`)}
          </label>
        ))}
      </fieldset>
      <LanguageSelect
        label={t('controls.uiLanguage')}
        auto={t('controls.browserLanguage')}
        value={uiLanguage}
        testId="ui-language"
        onPick={(v) => pickLanguage('uiLanguage', v)}
      />
      {detailed && (
        <label>
          {t('controls.style')}
          <select
            value={highlightStyle}
            onChange={(e) =>
              void settings.set('highlightStyle', e.currentTarget.value === 'underline' ? 'underline' : 'background')
            }
            data-testid="highlight-style"
          >
            <option value="background">{t('controls.styleBackground')}</option>
            <option value="underline">{t('controls.styleUnderline')}</option>
          </select>
        </label>
      )}
      {detailed && (
        <label>
          {t('controls.hoverDelay')}
          <input
            type="number"
            min={0}
            max={2000}
            step={50}
            value={hoverDelayMs}
            onChange={(e) => {
              const ms = Math.round(Number(e.currentTarget.value));
              if (Number.isFinite(ms) && ms >= 0 && ms <= 2000) void settings.set('hoverDelayMs', ms);
            }}
            data-testid="hover-delay"
          />
        </label>
      )}
      <LanguageSelect
        label={t('controls.contentLanguage')}
        followPage={t('controls.followPage')}
        auto={t('controls.sameAsUi')}
        value={contentLanguage}
        testId="content-language"
        onPick={(v) => pickLanguage('contentLanguage', v)}
      />
    </section>
  );
}
