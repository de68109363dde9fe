/**
 * Search over the whole dataset, in any of the six languages, typo-tolerant: a combobox with a
 * listbox of results (arrow keys move, Enter opens, Esc clears). Results show the name in the
 * content language with kind and dates.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Entity, Lang } from '../../lib/dataset/schema';
import { entityView, viewLabels } from '../../lib/entity-view';
import { directionOf, type Translate } from '../../lib/i18n-resources';
import type { SearchHit } from '../../lib/search';
import { fetchEntities } from '../../platform/entities';
import { popupSearch, type PopupSearch } from './search-data';

const LIMIT = 20;

export function SearchBox(props: {
  t: Translate;
  uiLang: Lang;
  contentLang: Lang;
  onOpen: (id: string) => void;
  onQuery: (active: boolean) => void;
}) {
  const { t, uiLang, contentLang } = props;
  const [searcher, setSearcher] = useState<PopupSearch | null>(null);
  const [failed, setFailed] = useState(false);
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const [records, setRecords] = useState(new Map<string, Entity>());
  const list = useRef<HTMLUListElement>(null);
  useEffect(() => {
    popupSearch().then(setSearcher, () => setFailed(true));
  }, []);
  const hits: SearchHit[] = useMemo(
    () => (searcher && query.trim() ? searcher.search(query, LIMIT) : []),
    [searcher, query],
  );
  useEffect(() => {
    setActive(0);
    props.onQuery(query.trim() !== '');
    const missing = hits.map((h) => h.id).filter((id) => !records.has(id));
    if (missing.length) void fetchEntities(missing).then((found) => setRecords((old) => new Map([...old, ...found])));
  }, [hits]);
  useEffect(() => {
    list.current?.querySelector(`[data-index="${active}"]`)?.scrollIntoView({ block: 'nearest' });
  }, [active]);

  const datesOf = (id: string): string | undefined => {
    const entity = records.get(id);
    if (!entity) return undefined;
    return entityView(entity, contentLang, uiLang, viewLabels(t)).dates;
  };
  const onKey = (event: KeyboardEvent) => {
    if (event.key === 'ArrowDown' && hits.length) setActive((a) => (a + 1) % hits.length);
    else if (event.key === 'ArrowUp' && hits.length) setActive((a) => (a - 1 + hits.length) % hits.length);
    else if (event.key === 'Home' && hits.length && event.ctrlKey) setActive(0);
    else if (event.key === 'Enter' && hits[active]) props.onOpen(hits[active].id);
    else if (event.key === 'Escape' && query) setQuery('');
    else return;
    event.preventDefault();
  };
  const listId = 'search-results';
  const showList = query.trim() !== '' && searcher !== null;
  return (
    <div class="search" role="search">
      <input
        type="search"
        role="combobox"
        list={undefined}
        aria-label={t('popup.searchLabel')}
        aria-expanded={showList && hits.length > 0}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={hits[active] ? `result-${active}` : undefined}
        placeholder={t('popup.searchPlaceholder')}
        value={query}
        maxLength={1000}
        dir="auto"
        onInput={(e) => setQuery(e.currentTarget.value)}
        onKeyDown={onKey}
        data-testid="search-input"
      />
      {failed && <p role="alert">{t('popup.searchUnavailable')}</p>}
      {showList && hits.length === 0 && (
        <p class="nothing" role="status" data-testid="search-nothing">
          {t('popup.nothingFound')}
        </p>
      )}
      {showList && hits.length > 0 && (
        <ul id={listId} role="listbox" ref={list} aria-label={t('popup.searchResults')} data-testid="search-results">
          {hits.map((hit, i) => {
            const name = hit.names[contentLang];
            const dates = datesOf(hit.id);
            return (
              <li
                key={hit.id}
                id={`result-${i}`}
                role="option"
                aria-selected={i === active}
                data-index={i}
                data-entity={hit.id}
                class={i === active ? 'active' : ''}
                onMouseMove={() => setActive(i)}
                onClick={() => props.onOpen(hit.id)}
              >
                <span class="result-name" lang={contentLang} dir={directionOf(contentLang)}>
                  <bdi>{name}</bdi>
                </span>
                <span class="result-meta">
                  {t(`kind.${hit.kind}`)}
                  {dates && (
                    <>
                      {' '}
                      · <bdi dir="auto">{dates}</bdi>
                    </>
                  )}
                </span>
                {hit.matched !== name && (
                  <span class="result-matched" lang={hit.lang}>
                    <bdi dir="auto">{hit.matched}</bdi>
                  </span>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
