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
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'context-lens@example.org',
              strict_min_version: '128.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
  zip: {
    excludeSources: ['artifacts/**', '.tmp/**', 'node_modules/**', '.output/**'],
  },
});
