import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

// Manifest: the fewest permissions that do the job.
// - storage: settings and the local dataset version.
// - activeTab is not needed: the popup asks the content script of the active tab through messaging,
//   and tabs.query({active}) works without the "tabs" permission (we never read tab URLs there).
export default defineConfig({
  imports: false,
  vite: () => ({ plugins: [preact()] }),
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: ['storage'],
    // The content script loads the prebuilt matcher from the package instead of building one per page.
    web_accessible_resources:
      browser === 'firefox'
        ? ['data/matcher.bin']
        : [{ resources: ['data/matcher.bin'], matches: ['http://*/*', 'https://*/*'] }],
    action: { default_title: '__MSG_extName__' },
    commands: {
      'next-mention': { suggested_key: { default: 'Alt+Shift+N' }, description: '__MSG_cmdNextMention__' },
      'previous-mention': { suggested_key: { default: 'Alt+Shift+P' }, description: '__MSG_cmdPreviousMention__' },
      'toggle-highlighting': { suggested_key: { default: 'Alt+Shift+H' }, description: '__MSG_cmdToggleHighlighting__' },
      'annotate-selection': { suggested_key: { default: 'Alt+Shift+S' }, description: '__MSG_cmdAnnotateSelection__' },
    },
    options_ui: { page: 'library.html', open_in_tab: true },
    // Both minimums guarantee the CSS Custom Highlight API with StaticRanges (Chrome 105,
    // Firefox 140), so no element-wrapping fallback is ever needed.
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
