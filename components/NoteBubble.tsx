/**
 * A saved note shown over its highlight: the note as text, its tags, the way to the library, and
 * (on the page) Edit and Delete. Editing happens in the bubble; Delete asks once.
 */
import { useState } from 'preact/hooks';
import { directionOf, type Translate } from '../lib/i18n-resources';
import type { Lang } from '../lib/dataset/basics';
import type { SaveOutcome } from '../lib/protocol';
import { parseTags } from './SelectionToolbar';

export interface NoteBubbleProps {
  t: Translate;
  uiLang: Lang;
  note: string;
  tags: string[];
  onOpenLibrary: () => void;
  onUpdate?: (body: { note: string; tags: string[] }) => Promise<SaveOutcome>;
  onDelete?: () => Promise<SaveOutcome>;
}

export function NoteBubble(props: NoteBubbleProps) {
  const { t, uiLang } = props;
  const [mode, setMode] = useState<'view' | 'edit' | 'confirm'>('view');
  const [note, setNote] = useState(props.note);
  const [tags, setTags] = useState(props.tags.join(', '));
  const [shown, setShown] = useState({ note: props.note, tags: props.tags });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = async (action: () => Promise<SaveOutcome>, after: () => void) => {
    setBusy(true);
    const outcome = await action();
    setBusy(false);
    if (outcome.ok) {
      setError(null);
      after();
    } else setError(t(`annotate.error.${outcome.reason}`));
  };

  return (
    <div
      class="toolbar note-bubble"
      role="dialog"
      aria-label={t('annotate.note')}
      lang={uiLang}
      dir={directionOf(uiLang)}
      data-testid="note-bubble"
    >
      {mode === 'edit' ? (
        <form
          class="note-form"
          onSubmit={(e) => {
            e.preventDefault();
            const body = { note: note.slice(0, 10_000), tags: parseTags(tags) };
            void run(
              () => props.onUpdate!(body),
              () => {
                setShown(body);
                setMode('view');
              },
            );
          }}
          onKeyDown={(e) => e.key === 'Escape' && setMode('view')}
        >
          <label>
            {t('annotate.note')}
            <textarea
              value={note}
              maxLength={10_000}
              rows={3}
              dir="auto"
              onInput={(e) => setNote(e.currentTarget.value)}
              data-testid="note-edit-text"
            />
          </label>
          <label>
            {t('annotate.tags')}
            <input
              value={tags}
              dir="auto"
              placeholder={t('annotate.tagsHint')}
              onInput={(e) => setTags(e.currentTarget.value)}
              data-testid="note-edit-tags"
            />
          </label>
          <div class="buttons">
            <button type="submit" disabled={busy} data-testid="note-edit-save">
              {t('annotate.save')}
            </button>
            <button type="button" onClick={() => setMode('view')}>
              {t('annotate.cancel')}
            </button>
          </div>
        </form>
      ) : (
        <>
          {shown.note && (
            <p class="note" dir="auto" data-testid="note-bubble-text">
              {shown.note}
            </p>
          )}
          {shown.tags.length > 0 && (
            <p class="tags">
              {shown.tags.map((tag) => (
                <span key={tag} class="tag" dir="auto">
                  {tag}
                </span>
              ))}
            </p>
          )}
          {mode === 'confirm' ? (
            <p class="buttons" role="group" aria-label={t('annotate.confirmDelete')}>
              <span>{t('annotate.confirmDelete')}</span>{' '}
              <button
                type="button"
                class="danger"
                disabled={busy}
                onClick={() => void run(props.onDelete!, () => undefined)}
                data-testid="note-delete-confirm"
              >
                {t('annotate.delete')}
              </button>
              <button type="button" onClick={() => setMode('view')}>
                {t('annotate.cancel')}
              </button>
            </p>
          ) : (
            <p class="buttons">
              {props.onUpdate && (
                <button type="button" class="link" onClick={() => setMode('edit')} data-testid="note-edit">
                  {t('annotate.edit')}
                </button>
              )}
              {props.onDelete && (
                <button type="button" class="link" onClick={() => setMode('confirm')} data-testid="note-delete">
                  {t('annotate.delete')}
                </button>
              )}
              <button type="button" class="link" onClick={props.onOpenLibrary} data-testid="note-open-library">
                {t('annotate.openLibrary')}
              </button>
            </p>
          )}
        </>
      )}
      {error && (
        <p class="message error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
