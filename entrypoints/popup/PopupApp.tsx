import { useEffect, useState } from 'preact/hooks';
import type { i18n } from 'i18next';
import { browser } from 'wxt/browser';
import type { ContentReplies, ContentMessage } from '../../lib/protocol';

type PageStatus = ContentReplies['page:status'];

/** Which tab the popup describes: the active tab, or `?tab=ID` when opened as a page (tests, keyboard users). */
async function targetTabId(): Promise<number | undefined> {
  const fromQuery = Number(new URLSearchParams(location.search).get('tab'));
  if (Number.isInteger(fromQuery) && fromQuery > 0) return fromQuery;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

async function askPageStatus(): Promise<PageStatus | null> {
  const tabId = await targetTabId();
  if (tabId === undefined) return null;
  const message: ContentMessage = { type: 'page:status', payload: {} };
  try {
    return ((await browser.tabs.sendMessage(tabId, message, { frameId: 0 })) as PageStatus) ?? null;
  } catch {
    return null; // No content script there (browser pages, the store, a page loaded before install).
  }
}

export function PopupApp({ i18n }: { i18n: i18n }) {
  const t = i18n.t.bind(i18n);
  const [status, setStatus] = useState<PageStatus | null | undefined>(undefined);
  useEffect(() => {
    void askPageStatus().then(setStatus);
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
      <footer>
        <a href={browser.runtime.getURL('/library.html')} target="_blank" rel="noreferrer">
          {t('popup.openLibrary')}
        </a>
      </footer>
    </main>
  );
}
