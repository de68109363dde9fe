/**
 * The setup every Firefox suite shares: fixture pages on 127.0.0.1 and Firefox with a build of
 * the extension installed, started before the suite's tests and closed after them.
 */
import { afterAll, beforeAll } from 'vitest';
import { launchFirefoxWithExtension, type FirefoxWithExtension, type LaunchOptions } from './firefox';
import { startStaticServer, type StaticServer } from './static-server';

export interface FirefoxSuite {
  server: StaticServer;
  firefox: FirefoxWithExtension;
}

export function useFirefoxSuite(
  options: { launch?: () => LaunchOptions; mounts?: () => Record<string, string> } = {},
): FirefoxSuite {
  const suite = {} as FirefoxSuite;
  beforeAll(async () => {
    suite.server = await startStaticServer(options.mounts?.());
    suite.firefox = await launchFirefoxWithExtension(options.launch?.());
  });
  afterAll(async () => {
    await suite.firefox?.close();
    await suite.server?.close();
  });
  return suite;
}
