import { useEffect, useState } from 'preact/hooks';
import type { i18n } from 'i18next';
import { browser } from 'wxt/browser';
import type { Lang } from '../../lib/dataset/basics';
import { parseMessage, toBackground, type ContentReplies } from '../../lib/protocol';
import { loadPageEntities, type PageEntity } from './page-entities';
import { sendToTab } from '../../platform/messaging';
import { PageEntityList } from './PageEntityList';
import { PageNotes } from './PageNotes';
import { SearchBox } from './SearchBox';
import { SettingsControls } from '../../components/SettingsControls';
import { EntityPanel } from '../../components/EntityPanel';
import { translatorOf } from '../../lib/i18n-resources';
import { openLibrary } from '../../platform/open-library';
import { settingsStore } from '../../platform/settings';
import { fetchEntities } from '../../platform/entities';

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
  const uiLang = i18n.language as Lang;
  const [tabId, setTabId] = useState<number | undefined>(undefined);
  const [status, setStatus] = useState<PageStatus | null | undefined>(undefined);
  const [entities, setEntities] = useState<PageEntity[]>([]);
  /** The entity whose card is open, with where focus goes back to on close. */
  const [open, setOpen] = useState<string | null>(null);
  const [searching, setSearching] = useState(false);
  useEffect(() => {
    let id: number | undefined;
    let refreshing: Promise<void> | null = null;
    let again = false;
    const refresh = async () => {
      if (id === undefined) return;
      setStatus(await sendToTab(id, 'page:status', {}));
      setEntities((await loadPageEntities(id)) ?? []);
    };
    // One refresh at a time; reports arriving meanwhile ask for one more after it.
    const refreshSoon = () => {
      if (refreshing) {
        again = true;
        return;
      }
      refreshing = refresh().finally(() => {
        refreshing = null;
        if (again) {
          again = false;
          refreshSoon();
        }
      });
    };
    // The page follows the settings on its own (rescans, clears); it reports each change, and
    // the popup, open meanwhile, follows it live.
    const onReport = (raw: unknown, sender: { tab?: { id?: number }; frameId?: number }) => {
      const message = parseMessage(toBackground, raw);
      if (message?.type === 'content:status' && sender.frameId === 0 && sender.tab?.id === id) refreshSoon();
      return undefined;
    };
    browser.runtime.onMessage.addListener(onReport);
    void (async () => {
      id = await targetTabId();
      setTabId(id);
      if (id === undefined) return setStatus(null);
      refreshSoon();
    })();
    return () => browser.runtime.onMessage.removeListener(onReport);
  }, []);

  return (
    <main class="popup" data-testid="popup">
      <header>
        <h1>{t('popup.title')}</h1>
        <div hidden={open !== null}>
          <SearchBox t={t} uiLang={uiLang} contentLang={contentLang} onOpen={setOpen} onQuery={setSearching} />
        </div>
      </header>
      {open ? (
        <section class="entity-view" data-testid="popup-entity">
          <button type="button" class="back" onClick={() => setOpen(null)} data-testid="popup-back">
            {t('popup.back')}
          </button>
          <EntityPanel
            fetchEntities={fetchEntities}
            id={open}
            t={t}
            uiLang={uiLang}
            contentLang={contentLang}
            onPick={setOpen}
            onOpenLibrary={() => void openLibrary(open)}
          />
        </section>
      ) : searching ? null : (
        <>
          {status === undefined ? null : status?.enabled === false ? (
            <section data-testid="page-status" data-state="off">
              <p class="status">{t('popup.statusOff')}</p>
            </section>
          ) : status ? (
            <section data-testid="page-status" data-state="active">
              <p class="status">{t('popup.statusActive')}</p>
              <p>{t('popup.mentions', { count: status.mentions })}</p>
            </section>
          ) : (
            <section data-testid="page-status" data-state="none">
              <p class="status">{t('popup.statusNone')}</p>
              <p class="hint">{t('popup.statusNoneHint')}</p>
            </section>
          )}
          {tabId !== undefined && status?.enabled !== false && entities.length > 0 && (
            <PageEntityList t={t} tabId={tabId} entities={entities} contentLang={contentLang} onOpen={setOpen} />
          )}
          {tabId !== undefined && status && <PageNotes t={t} tabId={tabId} />}
          <SettingsControls t={t} settings={settingsStore} host={hostOf(status?.url)} />
        </>
      )}
      <footer>
        <a href={browser.runtime.getURL('/library.html')} target="_blank" rel="noreferrer">
          {t('popup.openLibrary')}
        </a>
      </footer>
    </main>
  );
}
