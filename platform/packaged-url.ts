import { browser } from 'wxt/browser';

/**
 * The URL of a file packaged with the extension. WXT types getURL with the public paths it knew at
 * `wxt prepare`, and public/data/ is written later by `npm run data:build`: resolved against the
 * root instead, so the data files need no cast.
 */
export function packagedUrl(path: string): string {
  return new URL(path, browser.runtime.getURL('/')).href;
}
