/** A saved note shown over its highlight: the note as text, its tags, and the way to the library. */
import { directionOf, type Translate } from '../lib/i18n-resources';
import type { Lang } from '../lib/dataset/schema';

export function NoteBubble(props: { t: Translate; uiLang: Lang; note: string; tags: string[]; onOpenLibrary: () => void }) {
  const { t, uiLang } = props;
  return (
    <div class="toolbar note-bubble" role="tooltip" lang={uiLang} dir={directionOf(uiLang)} data-testid="note-bubble">
      {props.note && (
        <p class="note" dir="auto">
          {props.note}
        </p>
      )}
      {props.tags.length > 0 && (
        <p class="tags">
          {props.tags.map((tag) => (
            <span key={tag} class="tag" dir="auto">
              {tag}
            </span>
          ))}
        </p>
      )}
      <button type="button" class="link" onClick={props.onOpenLibrary} data-testid="note-open-library">
        {t('annotate.openLibrary')}
      </button>
    </div>
  );
}
