/**
 * Every keyboard command the README promises is bound in a fresh profile. Chromium leaves a
 * suggested key unbound without a word (Alt+Shift+N and Alt+Shift+P were: commands.getAll()
 * showed them empty), so the bindings themselves are what is tested.
 */
import { describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { useExtensionSuite } from '../support/extension-suite';

describe('keyboard commands in a fresh Chromium profile', () => {
  const suite = useExtensionSuite();

  test('every command has its shortcut, and the README lists the same ones', async () => {
    const worker = suite.browser.context.serviceWorkers()[0]!;
    const commands = await worker.evaluate(async () => {
      const api = (globalThis as unknown as { chrome: typeof import('wxt/browser').browser }).chrome;
      return (await api.commands.getAll()).map((c) => ({ name: c.name ?? '', shortcut: c.shortcut ?? '' }));
    });
    const ours = commands.filter((c) => !c.name.startsWith('_'));
    expect(ours.length).toBeGreaterThanOrEqual(4);
    for (const c of ours) expect(c.shortcut, c.name).not.toBe('');
    const readme = readFileSync(join(import.meta.dirname, '../../README.md'), 'utf8');
    for (const c of ours) expect(readme, `README names ${c.shortcut} (${c.name})`).toContain(c.shortcut);
  });
});
