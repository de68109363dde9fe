/** Search and filters of the library: words, entity, tag, site, date range. */
import type { LibraryFilter } from '../../lib/annotations/filter';
import type { Translate } from '../../lib/i18n-resources';

export interface FilterChoices {
  tags: string[];
  sites: string[];
  entities: { id: string; name: string }[];
}

export function LibraryFilters(props: { t: Translate; filter: LibraryFilter; choices: FilterChoices; onChange: (filter: LibraryFilter) => void }) {
  const { t, filter, choices } = props;
  const set = (patch: Partial<LibraryFilter>) => props.onChange({ ...filter, ...patch });
  const pick = (value: string) => (value === '' ? undefined : value);
  return (
    <form class="filters" role="search" onSubmit={(e) => e.preventDefault()} data-testid="library-filters">
      <label class="wide">
        {t('library.search')}
        <input type="search" value={filter.query ?? ''} maxLength={500} onInput={(e) => set({ query: e.currentTarget.value })} data-testid="library-search" />
      </label>
      <label>
        {t('library.entity')}
        <select value={filter.entityId ?? ''} onChange={(e) => set({ entityId: pick(e.currentTarget.value) })} data-testid="filter-entity">
          <option value="">{t('library.any')}</option>
          {choices.entities.map((e) => (
            <option key={e.id} value={e.id}>
              {e.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('library.tag')}
        <select value={filter.tag ?? ''} onChange={(e) => set({ tag: pick(e.currentTarget.value) })} data-testid="filter-tag">
          <option value="">{t('library.any')}</option>
          {choices.tags.map((tag) => (
            <option key={tag} value={tag}>
              {tag}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('library.site')}
        <select value={filter.site ?? ''} onChange={(e) => set({ site: pick(e.currentTarget.value) })} data-testid="filter-site">
          <option value="">{t('library.any')}</option>
          {choices.sites.map((site) => (
            <option key={site} value={site}>
              {site}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('library.from')}
        <input type="date" value={filter.from ?? ''} onChange={(e) => set({ from: pick(e.currentTarget.value) })} />
      </label>
      <label>
        {t('library.to')}
        <input type="date" value={filter.to ?? ''} onChange={(e) => set({ to: pick(e.currentTarget.value) })} />
      </label>
      <button type="button" class="link" onClick={() => props.onChange({})}>
        {t('library.clearFilters')}
      </button>
    </form>
  );
}
