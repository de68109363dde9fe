/**
 * Opens the library from the popup or the UI frame. The background opens it: a link to an
 * extension page from inside a web page is blocked in Chrome (ERR_BLOCKED_BY_CLIENT), and an
 * extension URL must never be put where the page can read it.
 */
import { browser } from 'wxt/browser';
import { sendToBackground } from './messaging';

export async function openLibrary(entity?: string): Promise<void> {
  const reply = await sendToBackground('library:open', entity ? { entity } : {});
  if (!reply?.ok) console.debug('Context Lens: could not open the library');
}

/** In the background: the library in a new tab, next to the tab that asked. */
export async function openLibraryTab(
  entity: string | undefined,
  from?: { index?: number; windowId?: number },
): Promise<{ ok: boolean }> {
  const hash = entity ? `#entity=${encodeURIComponent(entity)}` : '';
  const url = browser.runtime.getURL(`/library.html${hash}`);
  try {
    await browser.tabs.create({
      url,
      ...(from?.index !== undefined ? { index: from.index + 1 } : {}),
      ...(from?.windowId !== undefined ? { windowId: from.windowId } : {}),
    });
    return { ok: true };
  } catch {
    return { ok: false };
  }
}
