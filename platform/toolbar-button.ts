/**
 * The toolbar button says what the page has: its mention count on the badge, a grey icon where
 * highlighting is off.
 *
 * The coloured icon is the manifest's, and the browser puts a tab's icon back to it on every new
 * document (a navigation or a reload, not a fragment change; checked in Chromium 156 and
 * Firefox ESR 153 with a tab's title, which is reset with it). So only
 * the grey icon is drawn, for a document where highlighting is off, and the coloured one again
 * only when that same document turns highlighting back on. Drawing an icon makes the
 * background fetch and decode every size of it (by path), or convert every pixel (from
 * ImageData): 6–15 ms of CPU here, more than the background's whole scan of a page, so it was
 * too dear to do on every page load. The grey tabs are kept in session storage, since the
 * background may be stopped between a page turning grey and turning back.
 */
import { browser } from 'wxt/browser';

const ICON_SIZES = [16, 32, 48, 128] as const;
const BADGE_COLOUR = '#2f5d8a';
const GREY_TABS_KEY = 'toolbar.greyTabs';
/** Tabs closed while grey stay listed: past this many, the lowest tab ids (the oldest tabs) are forgotten. */
const MAX_GREY_TABS = 500;

const iconPaths = (prefix: string) =>
  Object.fromEntries(ICON_SIZES.map((size) => [size, `/icon/${prefix}${size}.png`]));

/** Per tab drawn grey, the document it was drawn for. */
type GreyTabs = Record<string, string>;
let greyTabs: Promise<GreyTabs> | null = null;

function readGreyTabs(): Promise<GreyTabs> {
  greyTabs ??= browser.storage.session
    .get(GREY_TABS_KEY)
    .then((stored) => ({ ...((stored[GREY_TABS_KEY] as GreyTabs | undefined) ?? {}) }))
    .catch(() => ({}));
  return greyTabs;
}

async function keepGreyTabs(tabs: GreyTabs): Promise<void> {
  const ids = Object.keys(tabs);
  for (const id of ids.slice(0, Math.max(0, ids.length - MAX_GREY_TABS))) delete tabs[id];
  await browser.storage.session.set({ [GREY_TABS_KEY]: tabs }).catch(() => {});
}

let badgeColourSet = false;

/**
 * Shows a tab's state. `page` names the document reporting (its id where the browser gives
 * one, else its URL); only a tab's top document reports.
 */
export async function showPageState(tabId: number, page: string, mentions: number, enabled: boolean): Promise<void> {
  const action = browser.action ?? browser.browserAction;
  try {
    const tabs = await readGreyTabs();
    const id = String(tabId);
    if (!enabled && tabs[id] !== page) {
      tabs[id] = page;
      await action.setIcon({ tabId, path: iconPaths('off-') });
      await keepGreyTabs(tabs);
    } else if (enabled && tabs[id] !== undefined) {
      // Drawn grey for this document: colour again. For an earlier one: the browser already did.
      const drawnHere = tabs[id] === page;
      delete tabs[id];
      if (drawnHere) await action.setIcon({ tabId, path: iconPaths('') });
      await keepGreyTabs(tabs);
    }
    if (!badgeColourSet) {
      await action.setBadgeBackgroundColor({ color: BADGE_COLOUR });
      badgeColourSet = true;
    }
    await action.setBadgeText({ tabId, text: enabled && mentions > 0 ? String(Math.min(mentions, 999)) : '' });
  } catch {
    // The tab may have closed meanwhile.
  }
}
