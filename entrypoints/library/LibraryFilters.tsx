/** Search and filters of the library: words, entity, tag, site, date range. */
import type { LibraryFilter } from '../../lib/annotations/filter';
import type { Translate } from '../../lib/i18n-resources';

export interface FilterChoices {
  tags: string[];
  sites: string[];
  entities: { id: string; name: string }[];
}

/** A menu of what is saved, with "any" first; picking "any" clears that filter. */
function FilterSelect(props: {
  label: string;
  any: string;
  value?: string;
  options: [value: string, label: string][];
  onPick: (value?: string) => void;
  testId: string;
}) {
  return (
    <label>
      {props.label}
      <select
        value={props.value ?? ''}
        onChange={(e) => props.onPick(e.currentTarget.value || undefined)}
        data-testid={props.testId}
      >
        <option value="">{props.any}</option>
        {props.options.map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </select>
    </label>
  );
}

export function LibraryFilters(props: {
  t: Translate;
  filter: LibraryFilter;
  choices: FilterChoices;
  onChange: (filter: LibraryFilter) => void;
}) {
  const { t, filter, choices } = props;
  const set = (patch: Partial<LibraryFilter>) => props.onChange({ ...filter, ...patch });
  const pick = (value: string) => (value === '' ? undefined : value);
  return (
    <form class="filters" role="search" onSubmit={(e) => e.preventDefault()} data-testid="library-filters">
      <label class="wide">
        {t('library.search')}
        <input
          type="search"
          value={filter.query ?? ''}
          maxLength={500}
          onInput={(e) => set({ query: e.currentTarget.value })}
          data-testid="library-search"
        />
      </label>
      <FilterSelect
        label={t('library.entity')}
        any={t('library.any')}
        value={filter.entityId}
        options={choices.entities.map((e) => [e.id, e.name])}
        onPick={(v) => set({ entityId: v })}
        testId="filter-entity"
      />
      <FilterSelect
        label={t('library.tag')}
        any={t('library.any')}
        value={filter.tag}
        options={choices.tags.map((tag) => [tag, tag])}
        onPick={(v) => set({ tag: v })}
        testId="filter-tag"
      />
      <FilterSelect
        label={t('library.site')}
        any={t('library.any')}
        value={filter.site}
        options={choices.sites.map((site) => [site, site])}
        onPick={(v) => set({ site: v })}
        testId="filter-site"
      />
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
