// Runs before every unit file, in node and in happy-dom. Only what every file may need: WXT's
// fake browser, reset between tests. The files that use IndexedDB import fake-indexeddb/auto
// themselves (four of them: loading it costs every other file about 0.1 s).
import { beforeEach } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

beforeEach(() => {
  fakeBrowser.reset();
});
