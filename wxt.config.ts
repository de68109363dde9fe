import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { fileURLToPath } from 'node:url';
import { rootHighlights } from './scripts/build/root-highlights';

// WXT's content-script context announces itself to the page; ours hands over privately
// (platform/content-script-context.ts explains why).
const privateContext = fileURLToPath(new URL('./platform/content-script-context.ts', import.meta.url));

// Manifest: the fewest permissions that do the job.
// - storage: settings and the local dataset version.
// - unlimitedStorage: a researcher's notes must not be evicted when the disk runs low. Chrome's
//   extension docs: it "exempts extensions from both quota restrictions and eviction"; Firefox
//   grants persistent storage with it, without asking. No install warning in either browser.
// - activeTab is not needed: the popup asks the content script of the active tab through messaging,
//   and tabs.query({active}) works without the "tabs" permission (we never read tab URLs there).
export default defineConfig({
  imports: false,
  vite: ({ browser }) => ({
    plugins: [preact(), ...(browser === 'firefox' ? [] : [rootHighlights()])],
    // LENS_NO_MINIFY=1: readable bundles, for profiles that name the functions taking the time.
    ...(process.env.LENS_NO_MINIFY ? { build: { minify: false } } : {}),
    // LENS_SOURCEMAP=1: source maps, to see what each module adds to a bundle (the content script's budget).
    ...(process.env.LENS_SOURCEMAP ? { build: { sourcemap: true } } : {}),
    resolve: { alias: [{ find: /^wxt\/utils\/content-script-context$/, replacement: privateContext }] },
  }),
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: ['storage', 'unlimitedStorage'],
    // Pages may reach nothing of ours by a URL they could know. Only the UI frame (the card, the
    // note editor: everything that shows or takes private text) must be loadable in pages; the
    // matcher is not, since the background scans for every tab. Chrome: only through the
    // per-session dynamic URL, which only our content script learns (runtime.getURL). Firefox:
    // listed under the per-install UUID that never reaches a page (the frame sits in a closed
    // shadow root).
    web_accessible_resources:
      browser === 'firefox'
        ? ['ui-frame.html']
        : [{ resources: ['ui-frame.html'], matches: ['http://*/*', 'https://*/*'], use_dynamic_url: true }],
    action: { default_title: '__MSG_extName__' },
    commands: {
      'next-mention': { suggested_key: { default: 'Alt+Shift+J' }, description: '__MSG_cmdNextMention__' },
      'previous-mention': { suggested_key: { default: 'Alt+Shift+K' }, description: '__MSG_cmdPreviousMention__' },
      'toggle-highlighting': {
        suggested_key: { default: 'Alt+Shift+H' },
        description: '__MSG_cmdToggleHighlighting__',
      },
      'annotate-selection': { suggested_key: { default: 'Alt+Shift+S' }, description: '__MSG_cmdAnnotateSelection__' },
    },
    options_ui: { page: 'library.html', open_in_tab: true },
    // Both minimums guarantee the CSS Custom Highlight API with StaticRanges (Chrome 105,
    // Firefox 140), so no element-wrapping fallback is ever needed. Firefox's is 142, which
    // data_collection_permissions needs (web-ext lint).
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'context-lens@example.org',
              strict_min_version: '142.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : { minimum_chrome_version: '105' }),
  }),
  zip: {
    excludeSources: ['artifacts/**', '.tmp/**', 'node_modules/**', '.output/**'],
  },
});
