/**
 * The saved pages and their notes: follows the database live (saves from other tabs appear at
 * once), filters, edits, deletes with undo, exports the selection and imports.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import { liveQuery } from 'dexie';
import type { Lang } from '../../lib/dataset/basics';
import { displayName } from '../../lib/entity-view';
import { filterChoices, isEmptyFilter, selectLibrary, type LibraryFilter } from '../../lib/annotations/filter';
import type { Translate } from '../../lib/i18n-resources';
import { fetchEntities } from '../../platform/entities';
import {
  readLibrary,
  removeFromLibrary,
  restoreToLibrary,
  updateAnnotation,
  type Library,
  type Removed,
} from '../../platform/library-store';
import { announceLibraryChange } from '../../platform/library-signal';
import { libraryDb } from './library-db';
import { LibraryFilters } from './LibraryFilters';
import { PageItem } from './PageItem';
import { ExportImport } from './ExportImport';

function useLibrary(): Library | undefined {
  const [library, setLibrary] = useState<Library | undefined>(undefined);
  useEffect(() => {
    const subscription = liveQuery(() => readLibrary(libraryDb())).subscribe({
      next: setLibrary,
      error: () => setLibrary({ pages: [], annotations: [] }),
    });
    return () => subscription.unsubscribe();
  }, []);
  return library;
}

/** Names of entities in the content language, fetched 200 at a time. */
function useEntityNames(ids: string[], lang: Lang): Map<string, string> {
  const [names, setNames] = useState(new Map<string, string>());
  const key = ids.join(',');
  useEffect(() => {
    void (async () => {
      const next = new Map<string, string>();
      for (let i = 0; i < ids.length; i += 200) {
        for (const [id, e] of await fetchEntities(ids.slice(i, i + 200))) next.set(id, displayName(e, lang));
      }
      setNames(next);
    })();
  }, [key, lang]);
  return names;
}

export function SavedLibrary({ t, uiLang, contentLang }: { t: Translate; uiLang: Lang; contentLang: Lang }) {
  const library = useLibrary();
  const [filter, setFilter] = useState<LibraryFilter>({});
  const [undo, setUndo] = useState<{ removed: Removed; text: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const choices = useMemo(() => filterChoices(library?.pages ?? [], library?.annotations ?? []), [library]);
  const names = useEntityNames(choices.entityIds, contentLang);
  const nameOf = (id: string) => names.get(id) ?? id;
  const selection = useMemo(
    () => (library ? selectLibrary(library.pages, library.annotations, filter) : []),
    [library, filter],
  );
  const dateFormat = useMemo(
    () => new Intl.DateTimeFormat(uiLang, { dateStyle: 'medium', timeStyle: 'short' }),
    [uiLang],
  );
  const formatDate = (iso: string) => dateFormat.format(new Date(iso));

  const remove = async (target: { annotationIds?: string[]; pageUrls?: string[] }, text: string) => {
    try {
      const removed = await removeFromLibrary(libraryDb(), target);
      setUndo({ removed, text });
      await announceLibraryChange();
    } catch {
      setError(t('library.writeFailed'));
    }
  };
  const restore = async () => {
    if (!undo) return;
    await restoreToLibrary(libraryDb(), undo.removed);
    setUndo(null);
    await announceLibraryChange();
  };
  const edit = async (id: string, change: { note: string; tags: string[] }) => {
    try {
      await updateAnnotation(libraryDb(), id, change, new Date().toISOString());
      await announceLibraryChange();
      setError(null);
      return true;
    } catch {
      setError(t('library.writeFailed'));
      return false;
    }
  };

  if (!library) return <p aria-busy="true">{t('card.loading')}</p>;
  const shownAnnotations = selection.flatMap((s) => s.annotations);
  const entityChoices = choices.entityIds
    .map((id) => ({ id, name: nameOf(id) }))
    .sort((a, b) => a.name.localeCompare(b.name, contentLang));
  return (
    <section class="saved" aria-labelledby="saved-heading" data-testid="saved-library">
      <h2 id="saved-heading">{t('library.savedPages')}</h2>
      {library.pages.length === 0 && library.annotations.length === 0 ? (
        <p class="empty">{t('library.empty')}</p>
      ) : (
        <>
          <LibraryFilters
            t={t}
            filter={filter}
            choices={{ tags: choices.tags, sites: choices.sites, entities: entityChoices }}
            onChange={setFilter}
          />
          <p class="summary" role="status" data-testid="library-count">
            {t('library.shown', { pages: selection.length, notes: shownAnnotations.length })}
          </p>
          {selection.length === 0 && !isEmptyFilter(filter) && <p class="empty">{t('library.nothingMatches')}</p>}
          {selection.map((s) => (
            <PageItem
              key={s.page.url}
              selection={s}
              t={t}
              formatDate={formatDate}
              nameOf={nameOf}
              onDeletePage={(url) => void remove({ pageUrls: [url] }, t('library.pageDeleted'))}
              onDelete={(id) => void remove({ annotationIds: [id] }, t('library.noteDeleted'))}
              onEdit={edit}
            />
          ))}
        </>
      )}
      {undo && (
        <div class="undo" role="status" data-testid="undo-bar">
          <span>{undo.text}</span>
          <button type="button" onClick={() => void restore()} data-testid="undo">
            {t('library.undo')}
          </button>
          <button type="button" class="link" aria-label={t('card.close')} onClick={() => setUndo(null)}>
            ×
          </button>
        </div>
      )}
      {error && <p role="alert">{error}</p>}
      <ExportImport
        t={t}
        pages={selection.map((s) => s.page)}
        annotations={shownAnnotations}
        nameOf={(id) => names.get(id)}
      />
    </section>
  );
}
