/**
 * The setup every Chromium suite shares: fixture pages on 127.0.0.1 and Chromium with the
 * built extension, started before the suite's tests and closed after them.
 */
import { afterAll, beforeAll } from 'vitest';
import { launchWithExtension, type ExtensionBrowser } from './chromium';
import { defaultMounts, startStaticServer, type StaticServer } from './static-server';

export interface ExtensionSuite {
  server: StaticServer;
  browser: ExtensionBrowser;
}

export function useExtensionSuite(options: { mounts?: () => Record<string, string> } = {}): ExtensionSuite {
  const suite = {} as ExtensionSuite;
  beforeAll(async () => {
    suite.server = await startStaticServer(options.mounts?.() ?? defaultMounts());
    suite.browser = await launchWithExtension();
  });
  afterAll(async () => {
    await suite.browser?.close();
    await suite.server?.close();
  });
  return suite;
}
