import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/**
 * The layers, lowest first; each may import only from those before it (and npm packages):
 *   lib/         browser-free logic: matching, data, validation, protocols
 *   reading/     how a page's text is read: the shared rules, the live DOM walk (content
 *                script, bench) and the streamed HTML reader (command line)
 *   platform/    the browser glue: storage, database, messaging, tabs
 *   components/  Preact UI, given its stores as props, so it never reaches into the browser
 *   entrypoints/ what the extension runs: wires all of the above
 *   scripts/, tests/  the tooling, which may use anything but entrypoints' own modules
 */
const TOP = ['lib', 'reading', 'platform', 'components', 'entrypoints', 'scripts', 'tests', 'data', 'locales'];

/** An import of top-level folder `dir`, written relatively (../../dir/x) or through an alias (@/dir/x). */
const importOf = (dir) => `^(?:(?:\\.\\./)+|[@~]{1,2}/)${dir}(?:/|$)`;

function onlyFrom(layer, allowed, why) {
  const forbidden = TOP.filter((d) => d !== layer && !allowed.includes(d));
  return {
    files: [`${layer}/**/*.{ts,tsx}`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...forbidden.map((dir) => ({ regex: importOf(dir), message: `${layer}/ may not import ${dir}/: ${why}` })),
            ...(['lib', 'reading', 'components'].includes(layer)
              ? [
                  {
                    regex: '^(?:wxt(?:/|$)|#imports$|@wxt-dev/)',
                    message: `${layer}/ may not use the browser's extension APIs: ${why}`,
                  },
                ]
              : []),
          ],
        },
      ],
    },
  };
}

export default tseslint.config(
  { ignores: ['node_modules/', '.output/', '.wxt/', 'artifacts/', '.tmp/', 'data/build/', 'tests/fixtures/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[object.name='window'][property.name='postMessage']",
          message: 'Frames talk through the background, never window.postMessage (it breaks pages).',
        },
      ],
    },
  },
  {
    files: ['lib/**/*.ts'],
    rules: {
      'no-restricted-globals': ['error', 'window', 'document', 'chrome', 'browser', 'navigator', 'location'],
    },
  },
  onlyFrom('lib', ['locales'], 'it is the browser-free core every other layer builds on'),
  onlyFrom('reading', ['lib'], 'the content script, the command line and the bench share it'),
  onlyFrom('platform', ['lib', 'data', 'locales'], 'the browser glue serves the UI and entrypoints, never the reverse'),
  onlyFrom('components', ['lib', 'locales'], 'UI takes its stores as props (see SettingsStore)'),
  onlyFrom(
    'entrypoints',
    ['lib', 'reading', 'platform', 'components', 'data', 'locales'],
    'test and bench code stays out of the extension',
  ),
  onlyFrom(
    'scripts',
    ['lib', 'reading', 'platform', 'components', 'tests', 'data', 'locales'],
    'shared page reading lives in reading/, not in the content script',
  ),
);
