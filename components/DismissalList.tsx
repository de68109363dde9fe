/**
 * The highlights the reader dismissed from cards ("stop highlighting this name"), each with
 * where it applies and an Undo. Shown in the library's settings.
 */
import { removeDismissal, type Dismissal } from '../lib/dismissals';
import type { Translate } from '../lib/i18n-resources';
import type { SettingsStore } from '../lib/settings';
import { useSetting } from './SettingsControls';

function whereOf(d: Dismissal, t: Translate): string {
  if (d.scope === 'everywhere') return t('card.dismiss_everywhere');
  return `${t(d.scope === 'site' ? 'card.dismiss_site' : 'card.dismiss_page')}: ${d.where ?? ''}`;
}

export function DismissalList({ t, settings }: { t: Translate; settings: SettingsStore }) {
  const dismissals = useSetting(settings, 'dismissals');
  if (dismissals === undefined) return null;
  return (
    <div class="dismissals" data-testid="dismissals">
      <h3>{t('controls.dismissed')}</h3>
      {dismissals.length === 0 ? (
        <p class="hint">{t('controls.noneDismissed')}</p>
      ) : (
        <ul>
          {[...dismissals].reverse().map((d) => (
            <li key={`${d.text}|${d.entity}|${d.scope}|${d.where ?? ''}`} data-testid="dismissal">
              <q>
                <bdi>{d.text}</bdi>
              </q>{' '}
              <span class="hint">
                ({d.entity}) · <bdi>{whereOf(d, t)}</bdi>
              </span>{' '}
              <button
                type="button"
                onClick={() =>
                  void settings.get('dismissals').then((all) => settings.set('dismissals', removeDismissal(all, d)))
                }
                data-testid="dismissal-undo"
              >
                {t('controls.undoDismissal')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
