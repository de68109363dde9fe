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
import { packagedUrl } from './messaging';

const MESSAGE = 'context-lens:e2e-open';

export const E2E_HOOKS = import.meta.env.MODE === 'e2e';

/** In the content script: forwards a page's request to open an extension page, until the script ends. */
export function forwardOpenRequests(signal: AbortSignal): void {
  window.addEventListener(
    'message',
    (event) => {
      const data: unknown = event.data;
      if (event.source !== window || typeof data !== 'object' || data === null) return;
      if (!('contextLensE2E' in data) || data.contextLensE2E !== 'open') return;
      if (!('path' in data) || typeof data.path !== 'string') return;
      void browser.runtime.sendMessage({ type: MESSAGE, path: data.path });
    },
    { signal },
  );
}

/** In the background: opens the requested extension page in the tab that asked. */
export function serveOpenRequests(): void {
  browser.runtime.onMessage.addListener((raw: unknown, sender) => {
    if (sender.id !== browser.runtime.id || sender.tab?.id === undefined) return undefined;
    if (typeof raw !== 'object' || raw === null || !('type' in raw) || !('path' in raw)) return undefined;
    if (raw.type !== MESSAGE || typeof raw.path !== 'string') return undefined;
    return browser.tabs.update(sender.tab.id, { url: packagedUrl(raw.path) }).then(() => ({ ok: true }));
  });
}
