/**
 * What a card shows about an entity, in a given content language and UI locale, as plain data:
 * the card component only lays it out. Dates go through Intl in the UI locale.
 */
import { LANGS, type Entity, type Kind, type Lang } from './dataset/schema';
import type { Translate } from './i18n-resources';

export interface EntityView {
  id: string;
  kind: Entity['kind'];
  lang: Lang;
  name: string;
  short?: string;
  summary: string;
  /** Offices held: the role in the content language, the dates in the UI locale. */
  roles: { role: string; range: string }[];
  /** An office's holders, current first: the person's id and the dates in the UI locale. */
  holders: { id: string; range: string; current: boolean }[];
  /** The date the entry was last checked, in the UI locale ("as of" for current holders). */
  reviewed: string;
  /** "Founded 1945", "24–28 Feb 2013" style line, when the entity has dates. */
  dates?: string;
  names: { lang: Lang; name: string; short?: string }[];
  sources: string[];
  /** The user pack the entity comes from (issue 8), shown on the card. */
  pack?: string;
}

/** Formats an ISO date of 4, 7 or 10 characters with the precision it has. */
export function formatPartialDate(iso: string, locale: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  const date = new Date(Date.UTC(y ?? 0, (m ?? 1) - 1, d ?? 1));
  const options: Intl.DateTimeFormatOptions =
    d !== undefined
      ? { year: 'numeric', month: 'short', day: 'numeric' }
      : m !== undefined
        ? { year: 'numeric', month: 'short' }
        : { year: 'numeric' };
  return new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' }).format(date);
}

export function formatDateRange(
  from: string | undefined,
  to: string | undefined,
  locale: string,
  present: string,
): string {
  if (!from && !to) return '';
  const a = from ? formatPartialDate(from, locale) : '…';
  const b = to ? formatPartialDate(to, locale) : present;
  return from && to && from === to ? a : `${a} – ${b}`;
}

/** The card's date labels in the UI language. */
export function viewLabels(t: Translate): ViewLabels {
  return {
    present: t('card.present'),
    founded: (date) => t('card.founded', { date }),
    born: (date) => t('card.born', { date }),
  };
}

export interface ViewLabels {
  present: string;
  founded: (date: string) => string;
  born: (date: string) => string;
}

export function entityView(
  entity: Entity & { pack?: string },
  lang: Lang,
  uiLocale: string,
  labels: ViewLabels,
): EntityView {
  const local = entity.names[lang];
  const f = entity.facts;
  const roles = (f.offices ?? []).map((o) => ({
    role: o.role[lang],
    range: formatDateRange(o.from, o.to, uiLocale, labels.present),
  }));
  let dates: string | undefined;
  // An event with a start and no end is a date, not a span "to the present".
  if (f.start || f.end)
    dates = formatDateRange(
      f.start,
      f.end ?? (entity.kind === 'event' ? f.start : undefined),
      uiLocale,
      labels.present,
    );
  else if (f.founded)
    dates =
      labels.founded(formatPartialDate(f.founded, uiLocale)) +
      (f.dissolved ? ` – ${formatPartialDate(f.dissolved, uiLocale)}` : '');
  else if (f.born) dates = labels.born(formatPartialDate(f.born, uiLocale));
  return {
    id: entity.id,
    kind: entity.kind,
    lang,
    name: local.name,
    short: local.short,
    summary: local.summary,
    roles,
    holders: (f.holders ?? []).map((h) => ({
      id: h.person,
      range: formatDateRange(h.from, h.to, uiLocale, labels.present),
      current: h.to === undefined,
    })),
    reviewed: formatPartialDate(entity.reviewed, uiLocale),
    dates,
    names: LANGS.map((l) => ({ lang: l, name: entity.names[l].name, short: entity.names[l].short })),
    sources: entity.sources,
    ...(entity.pack ? { pack: entity.pack } : {}),
  };
}

/**
 * The name to list an entity under: the common short form for places ("Spain", not "Kingdom of
 * Spain"), the full name for everything else (acronyms are too terse for a list).
 */
export function displayName(entity: Entity, lang: Lang): string {
  return displayNameOf(entity.kind, entity.names[lang]);
}

/** displayName for one language's names: a place by its short form when it has one. */
export function displayNameOf(kind: Kind, local: { name: string; short?: string }): string {
  return kind === 'place' && local.short ? local.short : local.name;
}
