import { defineBackground } from 'wxt/utils/define-background';
import { browser } from 'wxt/browser';
import { createBackgroundHandler } from '../platform/background-handlers';
import { LensDatabase } from '../platform/db';
import { installBundledDataset } from '../platform/dataset-install';
import { runCommand } from '../platform/commands';
import type { Entity } from '../lib/dataset/schema';
import { announceMatcher } from '../platform/matcher-transfer';
import { matcherSource, serveScans } from '../platform/scan-service';
import { packDataIsStale, rebuildPackData } from '../platform/pack-build';
import { packagedUrl } from '../platform/packaged-url';

export default defineBackground(() => {
  const db = new LensDatabase();
  const readJson = async <T>(path: string): Promise<T> => (await (await fetch(packagedUrl(path))).json()) as T;
  // Checked at every start (a cheap version compare); installs only when the version changed.
  // Read once: the version check and the install both need it.
  let meta: Promise<{ version: string; entityFiles: string[] }> | undefined;
  const readMeta = () => (meta ??= readJson('/data/dataset.json'));
  const datasetReady = installBundledDataset(
    db,
    async () => (await readMeta()).version,
    async () =>
      (await Promise.all((await readMeta()).entityFiles.map((file) => readJson<Entity[]>(`/data/${file}`)))).flat(),
  )
    .then(async () => {
      // A new bundled dataset changes the combined matcher of the user's packs: rebuild it; a
      // rebuild that failed last time is retried now.
      if (await packDataIsStale(db)) await announceMatcher((await rebuildPackData(db)).version);
    })
    .catch((error: unknown) => {
      console.error('Context Lens: could not install the bundled dataset', error);
    });
  browser.runtime.onMessage.addListener(createBackgroundHandler(db, datasetReady));
  const readBundledMatcher = async () =>
    new Uint8Array(await (await fetch(packagedUrl('/data/matcher.bin'))).arrayBuffer());
  serveScans(matcherSource(db, readBundledMatcher));
  browser.commands.onCommand.addListener((command) => void runCommand(command));
});
