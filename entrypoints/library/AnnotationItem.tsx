/** One saved highlight or note in the library: the quote, the note as plain text, tags, edit and delete. */
import { useState } from 'preact/hooks';
import type { Annotation } from '../../lib/annotations/model';
import type { Translate } from '../../lib/i18n-resources';
import { parseTags } from '../../components/SelectionToolbar';

export interface AnnotationActions {
  onEdit: (id: string, change: { note: string; tags: string[] }) => Promise<boolean>;
  onDelete: (id: string) => void;
}

export function AnnotationItem(
  props: { annotation: Annotation; t: Translate; entityName?: string; date: string } & AnnotationActions,
) {
  const { annotation: a, t } = props;
  const [editing, setEditing] = useState(false);
  const [note, setNote] = useState(a.body.note);
  const [tags, setTags] = useState(a.body.tags.join(', '));
  const quote = a.target.selector[0];
  return (
    <li class="annotation" data-testid="annotation" data-id={a.id}>
      <blockquote dir="auto">{quote.exact}</blockquote>
      {editing ? (
        <form
          class="edit"
          onSubmit={(e) => {
            e.preventDefault();
            void props
              .onEdit(a.id, { note: note.slice(0, 10000), tags: parseTags(tags) })
              .then((ok) => ok && setEditing(false));
          }}
        >
          <label>
            {t('annotate.note')}
            <textarea
              value={note}
              maxLength={10000}
              rows={3}
              dir="auto"
              onInput={(e) => setNote(e.currentTarget.value)}
              data-testid="edit-note"
            />
          </label>
          <label>
            {t('annotate.tags')}
            <input
              value={tags}
              dir="auto"
              placeholder={t('annotate.tagsHint')}
              onInput={(e) => setTags(e.currentTarget.value)}
            />
          </label>
          <span class="row">
            <button type="submit" data-testid="edit-save">
              {t('annotate.save')}
            </button>
            <button type="button" onClick={() => setEditing(false)}>
              {t('annotate.cancel')}
            </button>
          </span>
        </form>
      ) : (
        <>
          {a.body.note && (
            <p class="note" dir="auto" data-testid="annotation-note">
              {a.body.note}
            </p>
          )}
          <p class="meta">
            {props.entityName && (
              <span class="chip entity">
                <bdi>{props.entityName}</bdi>
              </span>
            )}
            {a.body.tags.map((tag) => (
              <span key={tag} class="chip tag">
                <bdi>{tag}</bdi>
              </span>
            ))}
            <time dateTime={a.modified}>{props.date}</time>
            <button type="button" class="link" onClick={() => setEditing(true)} data-testid="annotation-edit">
              {t('library.edit')}
            </button>
            <button
              type="button"
              class="link danger"
              onClick={() => props.onDelete(a.id)}
              data-testid="annotation-delete"
            >
              {t('library.delete')}
            </button>
          </p>
        </>
      )}
    </li>
  );
}
