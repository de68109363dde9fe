/** One saved page in the library: title (opens the page), site, date, entities found, its annotations. */
import type { PageSelection } from '../../lib/annotations/filter';
import type { Translate } from '../../lib/i18n-resources';
import { AnnotationItem, type AnnotationActions } from './AnnotationItem';

export function PageItem(
  props: {
    selection: PageSelection;
    t: Translate;
    formatDate: (iso: string) => string;
    nameOf: (id: string) => string;
    onDeletePage: (url: string) => void;
  } & AnnotationActions,
) {
  const { selection, t } = props;
  const { page, site, annotations } = selection;
  const entities = [...page.entities].sort((a, b) => b.count - a.count).slice(0, 12);
  return (
    <article class="page" data-testid="saved-page" data-url={page.url}>
      <header>
        <h3>
          <a href={page.url} target="_blank" rel="noreferrer noopener" dir="auto">
            {page.title || page.url}
          </a>
        </h3>
        <p class="meta">
          <span>{site}</span>
          <time dateTime={page.updatedAt}>{props.formatDate(page.updatedAt)}</time>
          <span>{t('library.noteCount', { count: annotations.length })}</span>
          <button
            type="button"
            class="link danger"
            onClick={() => props.onDeletePage(page.url)}
            data-testid="page-delete"
          >
            {t('library.deletePage')}
          </button>
        </p>
        {entities.length > 0 && (
          <p class="entities">
            {entities.map((e) => (
              <span key={e.id} class="chip entity">
                <bdi>{props.nameOf(e.id)}</bdi> <span class="count">{t('popup.number', { value: e.count })}</span>
              </span>
            ))}
          </p>
        )}
      </header>
      {annotations.length > 0 && (
        <ul class="annotations">
          {annotations.map((a) => (
            <AnnotationItem
              key={a.id}
              annotation={a}
              t={t}
              entityName={a.entityId ? props.nameOf(a.entityId) : undefined}
              date={props.formatDate(a.modified)}
              onEdit={props.onEdit}
              onDelete={props.onDelete}
            />
          ))}
        </ul>
      )}
    </article>
  );
}
