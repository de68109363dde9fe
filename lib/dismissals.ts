/**
 * Highlights the reader dismissed: "not this here" (this page), "never on this site", "never
 * anywhere". A dismissal names the text as written on the page (case and spaces folded) and the
 * entity it was linked to, so dismissing "Georgia" as the country leaves other names alone and
 * leaves "Georgia" free to be something else. Stored as a setting (lib/settings.ts), listed in
 * the library's settings where each can be undone.
 */
import { oneOf, optional, strict, text, type Checked } from './checks';

export const DISMISS_SCOPES = ['page', 'site', 'everywhere'] as const;
export type DismissScope = (typeof DISMISS_SCOPES)[number];

export const checkDismissal = strict({
  /** The mention's text, folded (see foldMentionText). */
  text: text({ min: 1, max: 300 }),
  entity: text({ min: 1, max: 200 }),
  scope: oneOf(DISMISS_SCOPES),
  /** The host (scope "site") or the page's canonical URL (scope "page"). */
  where: optional(text({ max: 4096 })),
  /** When it was dismissed (ISO date-time), for the list in the settings. */
  at: text({ max: 40 }),
});
export type Dismissal = Checked<typeof checkDismissal>;

/** At most this many are kept: the oldest page-scoped ones go first. */
export const MAX_DISMISSALS = 2000;

/** The text a dismissal matches: case and runs of white space folded, trimmed. */
export function foldMentionText(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, ' ').trim().toLocaleLowerCase().slice(0, 300);
}

/** Where a dismissal applies: the page's canonical URL and host. */
export interface Place {
  page: string;
  host: string;
}

function applies(d: Dismissal, place: Place): boolean {
  if (d.scope === 'everywhere') return true;
  if (d.scope === 'site') return d.where === place.host;
  return d.where === place.page;
}

/** The dismissals that apply on a page, as a lookup by folded text and entity. */
export function dismissedOn(list: readonly Dismissal[], place: Place): (text: string, entity: string) => boolean {
  const keys = new Set(list.filter((d) => applies(d, place)).map((d) => `${d.text}\u0000${d.entity}`));
  if (keys.size === 0) return () => false;
  return (text, entity) => keys.has(`${foldMentionText(text)}\u0000${entity}`);
}

/** The list with one more dismissal (replacing the same one), trimmed to MAX_DISMISSALS. */
export function addDismissal(
  list: readonly Dismissal[],
  add: Omit<Dismissal, 'text' | 'at'> & { text: string; at?: string },
): Dismissal[] {
  const entry: Dismissal = {
    text: foldMentionText(add.text),
    entity: add.entity,
    scope: add.scope,
    ...(add.scope === 'everywhere' ? {} : { where: add.where }),
    at: add.at ?? new Date().toISOString(),
  };
  const rest = list.filter((d) => !sameDismissal(d, entry));
  const next = [...rest, entry];
  while (next.length > MAX_DISMISSALS) {
    const oldestPage = next.findIndex((d) => d.scope === 'page');
    next.splice(oldestPage >= 0 ? oldestPage : 0, 1);
  }
  return next;
}

export function sameDismissal(a: Dismissal, b: Dismissal): boolean {
  return a.text === b.text && a.entity === b.entity && a.scope === b.scope && (a.where ?? '') === (b.where ?? '');
}

/** The list without one dismissal (undo). */
export function removeDismissal(list: readonly Dismissal[], remove: Dismissal): Dismissal[] {
  return list.filter((d) => !sameDismissal(d, remove));
}
