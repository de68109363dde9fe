/**
 * Test-only hooks, compiled in only by `wxt build --mode e2e` (npm run build:firefox:e2e):
 * production builds replace import.meta.env.MODE with "production" and drop every call.
 *
 * Why: Firefox's WebDriver BiDi refuses to navigate to moz-extension:// pages, so a browser
 * test cannot reach the library page by itself. With these hooks a test page posts
 * { contextLensE2E: 'open', path } to itself; the content script forwards it and the
 * background points that tab at the extension page.
 */
import { browser } from 'wxt/browser';

const MESSAGE = 'context-lens:e2e-open';

export const E2E_HOOKS = import.meta.env.MODE === 'e2e';

/** In the content script: forwards a page's request to open an extension page. */
export function forwardOpenRequests(): void {
  window.addEventListener('message', (event) => {
    const data = event.data as { contextLensE2E?: unknown; path?: unknown } | null;
    if (event.source !== window || data?.contextLensE2E !== 'open' || typeof data.path !== 'string') return;
    void browser.runtime.sendMessage({ type: MESSAGE, path: data.path });
  });
}

/** In the background: opens the requested extension page in the tab that asked. */
export function serveOpenRequests(): void {
  browser.runtime.onMessage.addListener((raw: unknown, sender) => {
    const message = raw as { type?: unknown; path?: unknown } | null;
    if (
      sender.id !== browser.runtime.id ||
      message?.type !== MESSAGE ||
      typeof message.path !== 'string' ||
      sender.tab?.id === undefined
    )
      return undefined;
    const url = (browser.runtime.getURL as (path: string) => string)(message.path);
    return browser.tabs.update(sender.tab.id, { url }).then(() => ({ ok: true }));
  });
}
