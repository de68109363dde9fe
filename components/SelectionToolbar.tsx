/**
 * The toolbar shown over a text selection: highlight it, or add a note with tags. Layout and
 * form only; saving is the caller's. Errors (a full disk) are shown in place and keep the note.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { directionOf, type Translate } from '../lib/i18n-resources';
import type { Lang } from '../lib/dataset/basics';
import type { SaveOutcome } from '../lib/protocol';

export interface SelectionToolbarProps {
  t: Translate;
  uiLang: Lang;
  /** Open straight in note mode with focus in the note (the keyboard command). */
  startWithNote?: boolean;
  /** The note form opened (focus is about to be in it). */
  onNoting?: () => void;
  onSave: (body: { note: string; tags: string[] }) => Promise<SaveOutcome>;
  onClose: () => void;
}

export function parseTags(text: string): string[] {
  const tags = text
    .split(/[,،、，]/)
    .map((tag) => tag.trim().replace(/\s+/g, ' ').slice(0, 100))
    .filter(Boolean);
  return [...new Set(tags)].slice(0, 50);
}

function failureMessage(t: Translate, outcome: SaveOutcome): string {
  if (outcome.ok) return '';
  return t(`annotate.error.${outcome.reason}`);
}

export function SelectionToolbar(props: SelectionToolbarProps) {
  const { t, uiLang } = props;
  const [noting, setNoting] = useState(props.startWithNote ?? false);
  const [note, setNote] = useState('');
  const [tags, setTags] = useState('');
  const [busy, setBusy] = useState(false);
  /** Saved: the form is done (nothing to save twice) until it closes a moment later. */
  const [done, setDone] = useState(false);
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);
  const noteField = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    if (!noting) return;
    noteField.current?.focus();
    props.onNoting?.();
  }, [noting]);

  const save = async (body: { note: string; tags: string[] }) => {
    setBusy(true);
    const outcome = await props.onSave(body);
    setBusy(false);
    if (outcome.ok) {
      setDone(true);
      setMessage({ error: false, text: t('annotate.saved') });
      setTimeout(props.onClose, 900);
    } else setMessage({ error: true, text: failureMessage(t, outcome) });
  };

  return (
    <div
      class="toolbar"
      role="toolbar"
      aria-label={t('annotate.toolbar')}
      lang={uiLang}
      dir={directionOf(uiLang)}
      data-testid="selection-toolbar"
      onKeyDown={(e) => e.key === 'Escape' && props.onClose()}
    >
      {!noting ? (
        <div class="buttons">
          <button
            type="button"
            disabled={busy || done}
            onClick={() => void save({ note: '', tags: [] })}
            data-testid="toolbar-highlight"
          >
            {t('annotate.highlight')}
          </button>
          <button type="button" disabled={busy || done} onClick={() => setNoting(true)} data-testid="toolbar-note">
            {t('annotate.addNote')}
          </button>
        </div>
      ) : (
        <form
          class="note-form"
          onSubmit={(e) => {
            e.preventDefault();
            void save({ note: note.slice(0, 10000), tags: parseTags(tags) });
          }}
        >
          <label>
            {t('annotate.note')}
            <textarea
              ref={noteField}
              value={note}
              maxLength={10000}
              rows={3}
              readOnly={done}
              dir="auto"
              onInput={(e) => setNote(e.currentTarget.value)}
              onKeyDown={(e) => {
                if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) e.currentTarget.form?.requestSubmit();
              }}
              data-testid="toolbar-note-text"
            />
          </label>
          <label>
            {t('annotate.tags')}
            <input
              value={tags}
              readOnly={done}
              dir="auto"
              placeholder={t('annotate.tagsHint')}
              onInput={(e) => setTags(e.currentTarget.value)}
              data-testid="toolbar-tags"
            />
          </label>
          <div class="buttons">
            <button type="submit" disabled={busy || done} data-testid="toolbar-save">
              {done ? t('annotate.saved') : t('annotate.save')}
            </button>
            <button type="button" onClick={props.onClose}>
              {done ? t('card.close') : t('annotate.cancel')}
            </button>
          </div>
        </form>
      )}
      <p
        class={message?.error ? 'message error' : 'message'}
        role={message?.error ? 'alert' : 'status'}
        data-testid="toolbar-message"
      >
        {message?.text ?? ''}
      </p>
    </div>
  );
}
