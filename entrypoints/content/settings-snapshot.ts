/** The settings the content script acts on, read together and kept current. */
import { getSettings, watchSettings } from '../../platform/settings';
import { isEnabledOnHost, notesPaintedOn, resolveUiLanguage, type ContentLangChoice } from '../../lib/settings';
import type { Kind, Lang } from '../../lib/dataset/basics';
import { dismissedOn, type Place } from '../../lib/dismissals';
import { canonicalUrl } from '../../lib/annotations/canonical-url';

export interface ContentSettings {
  enabled: boolean;
  /** Saved highlights and notes painted on this site (the reader can keep them from the page). */
  paintNotes: boolean;
  kinds: ReadonlySet<Kind>;
  style: 'background' | 'underline';
  hoverDelayMs: number;
  uiLang: Lang;
  /** The card language as chosen: resolved against the page's language where cards are shown. */
  contentChoice: ContentLangChoice;
  /** Whether the reader dismissed this text as this entity here (page, site or everywhere). */
  dismissed: (text: string, entity: string) => boolean;
  /** What `dismissed` was built from, to tell when it changed. */
  dismissalsKey: string;
}

/** Where this page is, for the dismissals that apply to it (read at each use: single-page apps move). */
export function placeOf(host: string): Place {
  return { page: canonicalUrl(location.href) ?? location.href, host };
}

/** Everything the content script reads from the settings. */
const CONTENT_SETTINGS = [
  'highlighting',
  'siteRules',
  'notesHiddenOn',
  'kindsShown',
  'highlightStyle',
  'hoverDelayMs',
  'uiLanguage',
  'contentLanguage',
  'dismissals',
] as const;

export async function readContentSettings(host: string): Promise<ContentSettings> {
  const {
    highlighting,
    siteRules,
    notesHiddenOn,
    kindsShown,
    highlightStyle,
    hoverDelayMs,
    uiLanguage,
    contentLanguage,
    dismissals,
  } = await getSettings(CONTENT_SETTINGS);
  const place = placeOf(host);
  const uiLang = resolveUiLanguage(uiLanguage, navigator.language);
  return {
    enabled: isEnabledOnHost(highlighting, siteRules, host),
    paintNotes: notesPaintedOn(notesHiddenOn, host),
    kinds: new Set(kindsShown),
    style: highlightStyle,
    hoverDelayMs,
    uiLang,
    contentChoice: contentLanguage,
    dismissed: dismissedOn(dismissals, place),
    dismissalsKey: JSON.stringify(dismissals),
  };
}

/** Calls back with fresh settings whenever any of them changes. Returns the unwatch function. */
export function watchContentSettings(host: string, onChange: (s: ContentSettings) => void): () => void {
  return watchSettings(CONTENT_SETTINGS, () => void readContentSettings(host).then(onChange));
}
