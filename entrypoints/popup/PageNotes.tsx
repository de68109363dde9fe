/**
 * The popup's research corner for the tab: "save this page", the page's saved notes and
 * highlights (each with Show, which scrolls the page to it and flashes it), and the ones that
 * could not be placed again (orphans), listed rather than lost.
 */
import { useEffect, useState } from 'preact/hooks';
import type { ContentReplies, SaveOutcome } from '../../lib/protocol';
import type { Translate } from '../../lib/i18n-resources';
import { sendToTab } from '../../platform/messaging';

type Status = ContentReplies['annotations:status'];

export function PageNotes({ t, tabId }: { t: Translate; tabId: number }) {
  const [status, setStatus] = useState<Status | null>(null);
  const [outcome, setOutcome] = useState<SaveOutcome | null>(null);
  useEffect(() => {
    void sendToTab(tabId, 'annotations:status', {}).then(setStatus);
  }, [tabId]);
  const save = async () =>
    setOutcome((await sendToTab(tabId, 'page:save', {})) ?? { ok: false, reason: 'unsupported' });

  return (
    <section class="page-notes" data-testid="page-notes">
      <button type="button" onClick={() => void save()} disabled={outcome?.ok === true} data-testid="save-page">
        {outcome?.ok ? t('popup.pageSaved') : t('popup.savePage')}
      </button>
      {outcome && !outcome.ok && <p role="alert">{t(`annotate.error.${outcome.reason}`)}</p>}
      {status && status.placed + status.orphans.length > 0 && (
        <p data-testid="notes-placed">{t('popup.notesPlaced', { count: status.placed })}</p>
      )}
      {status && status.notes.length > 0 && (
        <ul class="notes" data-testid="page-note-list">
          {status.notes.map((n) => (
            <li key={n.id} data-testid="page-note">
              <span class="text">
                <q dir="auto">{n.exact}</q>
                {n.note && (
                  <span class="note" dir="auto">
                    {' '}
                    {n.note}
                  </span>
                )}
              </span>
              <button
                type="button"
                onClick={() => void sendToTab(tabId, 'annotation:reveal', { id: n.id })}
                data-testid="page-note-show"
              >
                {t('popup.showNote')}
              </button>
            </li>
          ))}
        </ul>
      )}
      {status && status.orphans.length > 0 && (
        <details data-testid="orphans">
          <summary>{t('popup.orphans', { count: status.orphans.length })}</summary>
          <ul>
            {status.orphans.map((o) => (
              <li key={o.id}>
                <q dir="auto">{o.exact}</q>
                {o.note && <p dir="auto">{o.note}</p>}
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}
