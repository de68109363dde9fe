/**
 * The library page's selection: saved pages newest first, each with the annotations that pass
 * the filters. Full-text search covers notes, quotes, tags and page titles, ignoring case,
 * accents and Arabic letter variants (the matcher's own folding), in any script.
 */
import { foldText } from '../text/normalize';
import type { Annotation, SavedPage } from './model';

export interface LibraryFilter {
  /** Words that must all appear (in a note, quote, tag or the page title). */
  query?: string;
  entityId?: string;
  tag?: string;
  site?: string;
  /** Inclusive bounds on the day an annotation (or page) was last changed, as YYYY-MM-DD. */
  from?: string;
  to?: string;
}

export interface PageSelection {
  page: SavedPage;
  site: string;
  annotations: Annotation[];
}

export function siteOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return '';
  }
}

function words(query: string): string[] {
  return foldText(query.slice(0, 500)).split(' ').filter(Boolean);
}

function withinDates(iso: string, filter: LibraryFilter): boolean {
  const day = iso.slice(0, 10);
  return (!filter.from || day >= filter.from) && (!filter.to || day <= filter.to);
}

function annotationText(a: Annotation): string {
  return `${a.target.selector[0].exact} ${a.body.note} ${a.body.tags.join(' ')}`;
}

/** True when nothing narrows the selection (every page is shown, even without annotations). */
export function isEmptyFilter(filter: LibraryFilter): boolean {
  return (
    !words(filter.query ?? '').length && !filter.entityId && !filter.tag && !filter.site && !filter.from && !filter.to
  );
}

export function selectLibrary(pages: SavedPage[], annotations: Annotation[], filter: LibraryFilter): PageSelection[] {
  const needles = words(filter.query ?? '');
  const byPage = new Map<string, Annotation[]>();
  for (const a of annotations) {
    const list = byPage.get(a.pageUrl);
    if (list) list.push(a);
    else byPage.set(a.pageUrl, [a]);
  }
  const known = new Set(pages.map((p) => p.url));
  // Annotations whose page record is missing (an import of annotations only) still show.
  const allPages = [...pages];
  for (const [url, list] of byPage) {
    if (known.has(url)) continue;
    const first = list[0]!;
    allPages.push({ url, title: url, lang: '', savedAt: first.created, updatedAt: first.modified, entities: [] });
  }
  const result: PageSelection[] = [];
  for (const page of allPages) {
    const site = siteOf(page.url);
    if (filter.site && site !== filter.site) continue;
    const title = foldText(page.title);
    const pageHasEntity = !filter.entityId || page.entities.some((e) => e.id === filter.entityId);
    const kept = (byPage.get(page.url) ?? []).filter((a) => {
      if (filter.tag && !a.body.tags.includes(filter.tag)) return false;
      if (filter.entityId && a.entityId !== filter.entityId && !pageHasEntity) return false;
      if (!withinDates(a.modified, filter)) return false;
      if (needles.length) {
        const text = `${foldText(annotationText(a))} ${title}`;
        if (!needles.every((w) => text.includes(w))) return false;
      }
      return true;
    });
    kept.sort((a, b) => a.target.selector[1].start - b.target.selector[1].start);
    const pageOnly =
      !filter.tag &&
      pageHasEntity &&
      withinDates(page.updatedAt, filter) &&
      (!needles.length || needles.every((w) => title.includes(w)));
    if (kept.length > 0 || pageOnly) result.push({ page, site, annotations: kept });
  }
  return result.sort((a, b) =>
    a.page.updatedAt < b.page.updatedAt ? 1 : a.page.updatedAt > b.page.updatedAt ? -1 : 0,
  );
}

/** The values the filter menus offer, from what is saved. */
export function filterChoices(
  pages: SavedPage[],
  annotations: Annotation[],
): { tags: string[]; sites: string[]; entityIds: string[] } {
  const tags = new Set<string>();
  const entityIds = new Set<string>();
  for (const a of annotations) {
    for (const t of a.body.tags) tags.add(t);
    if (a.entityId) entityIds.add(a.entityId);
  }
  for (const p of pages) for (const e of p.entities) entityIds.add(e.id);
  const sites = new Set([...pages.map((p) => siteOf(p.url)), ...annotations.map((a) => siteOf(a.pageUrl))]);
  sites.delete('');
  return { tags: [...tags].sort(), sites: [...sites].sort(), entityIds: [...entityIds] };
}
