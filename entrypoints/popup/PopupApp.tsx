import { useEffect, useState } from 'preact/hooks';
import type { i18n } from 'i18next';
import { browser } from 'wxt/browser';
import { KINDS, type Lang } from '../../lib/dataset/schema';
import type { ContentReplies } from '../../lib/protocol';
import { askTab, loadPageEntities, type PageEntity } from './page-entities';
import { SettingsControls } from '../../components/SettingsControls';
import { translatorOf } from '../../lib/i18n-resources';
import { displayName } from '../../lib/entity-view';

type PageStatus = ContentReplies['page:status'];

/** Which tab the popup describes: the active tab, or `?tab=ID` when opened as a page (tests, keyboard users). */
async function targetTabId(): Promise<number | undefined> {
  const fromQuery = Number(new URLSearchParams(location.search).get('tab'));
  if (Number.isInteger(fromQuery) && fromQuery > 0) return fromQuery;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

function hostOf(url: string | undefined): string | undefined {
  try {
    return url ? new URL(url).hostname : undefined;
  } catch {
    return undefined;
  }
}

export function PopupApp({ i18n, contentLang }: { i18n: i18n; contentLang: Lang }) {
  const t = translatorOf(i18n);
  const [status, setStatus] = useState<PageStatus | null | undefined>(undefined);
  const [entities, setEntities] = useState<PageEntity[]>([]);
  useEffect(() => {
    void (async () => {
      const tabId = await targetTabId();
      if (tabId === undefined) return setStatus(null);
      setStatus(await askTab(tabId, { type: 'page:status', payload: {} }));
      setEntities((await loadPageEntities(tabId)) ?? []);
    })();
  }, []);

  return (
    <main class="popup" data-testid="popup">
      <header>
        <h1>{t('popup.title')}</h1>
      </header>
      {status === undefined ? null : status ? (
        <section data-testid="page-status" data-state="active">
          <p class="status">{t('popup.statusActive')}</p>
          <p>{t('popup.textNodes', { count: status.textNodes })}</p>
          <p>{t('popup.mentions', { count: status.mentions })}</p>
        </section>
      ) : (
        <section data-testid="page-status" data-state="none">
          <p class="status">{t('popup.statusNone')}</p>
          <p class="hint">{t('popup.statusNoneHint')}</p>
        </section>
      )}
      {entities.length > 0 && (
        <section data-testid="page-entities">
          {KINDS.map((kind) => {
            const ofKind = entities.filter((e) => e.kind === kind);
            if (ofKind.length === 0) return null;
            return (
              <div key={kind} class="group">
                <h2>{t(`kindPlural.${kind}`)}</h2>
                <ul>
                  {ofKind.map(({ entity, count }) => (
                    <li key={entity.id} data-entity={entity.id}>
                      <bdi>{displayName(entity, contentLang)}</bdi>
                      <span class="count">{count}</span>
                    </li>
                  ))}
                </ul>
              </div>
            );
          })}
        </section>
      )}
      <SettingsControls t={t} host={hostOf(status?.url)} />
      <footer>
        <a href={browser.runtime.getURL('/library.html')} target="_blank" rel="noreferrer">
          {t('popup.openLibrary')}
        </a>
      </footer>
    </main>
  );
}
