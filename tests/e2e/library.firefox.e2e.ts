/**
 * The library page in real Firefox: its pack import runs two module workers that read the
 * file and write IndexedDB, which only a real browser shows to work. BiDi cannot navigate to
 * moz-extension:// pages, so this uses the e2e build (npm run build:firefox:e2e), whose
 * content script forwards a page's request to open an extension page (platform/e2e-hooks.ts).
 */
import { describe, expect, test } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { useFirefoxSuite } from '../support/firefox-suite';
import { SEED_PAGES, REPO_ROOT } from '../support/static-server';

const SHOTS = join(REPO_ROOT, 'artifacts/e2e');
const E2E_BUILD = join(REPO_ROOT, '.output/firefox-mv2-e2e');

describe('the library page in Firefox', () => {
  const suite = useFirefoxSuite({
    extensionPath: E2E_BUILD,
    check: () => {
      if (!existsSync(join(E2E_BUILD, 'manifest.json')))
        throw new Error('No e2e build: run `npm run build:firefox:e2e` first.');
    },
  });

  const highlighted = `(() => {
    const out = [];
    for (const [, highlight] of CSS.highlights) for (const r of highlight) {
      const live = document.createRange();
      live.setStart(r.startContainer, r.startOffset);
      live.setEnd(r.endContainer, r.endOffset);
      out.push(live.toString());
    }
    return out;
  })()`;

  test('imports a pack: both module workers, IndexedDB and the matcher rebuild work, and pages highlight its names', async () => {
    await suite.firefox.navigate(suite.server.url(SEED_PAGES[1]!));
    await expect
      .poll(() => suite.firefox.evaluate<string[]>(highlighted), { timeout: 10_000, interval: 250 })
      .toContain('UNAOC');
    expect(await suite.firefox.evaluate<string[]>(highlighted)).not.toContain('Vladimir Fofanov');
    await suite.firefox.evaluate(`(window.postMessage({ contextLensE2E: 'open', path: '/library.html' }, '*'), true)`);
    await expect
      .poll(() => suite.firefox.evaluate<string>('location.href').catch(() => ''), { timeout: 10_000, interval: 250 })
      .toBe(`${suite.firefox.extensionOrigin}/library.html`);
    const pack = JSON.stringify({
      format: 'context-lens-pack',
      version: 1,
      id: 'newsroom',
      name: 'Newsroom names',
      entities: [
        {
          id: 'vladimir-fofanov',
          kind: 'person',
          names: { en: { name: 'Vladimir Fofanov', summary: 'A photographer whose pictures illustrate the post.' } },
          sources: ['https://example.org/newsroom'],
        },
      ],
    });
    try {
      await expect
        .poll(() => suite.firefox.evaluate<boolean>(`!!document.querySelector('[data-testid="pack-file"]')`), {
          timeout: 10_000,
        })
        .toBe(true);
      await suite.firefox.evaluate(`(() => {
        const input = document.querySelector('[data-testid="pack-file"]');
        const files = new DataTransfer();
        files.items.add(new File([${JSON.stringify(pack)}], 'minimal.json', { type: 'application/json' }));
        input.files = files.files;
        input.dispatchEvent(new Event('change', { bubbles: true }));
        return true;
      })()`);
      const outcome = () =>
        suite.firefox.evaluate<string>(
          `document.querySelector('[data-testid="pack-installed"], [data-testid="pack-problems"], [role="alert"]')?.getAttribute('data-testid') ?? ''`,
        );
      await expect.poll(outcome, { timeout: 30_000, interval: 250 }).toBe('pack-installed');
      const timings = JSON.parse(
        await suite.firefox.evaluate<string>(
          `document.querySelector('[data-testid="pack-installed"]').getAttribute('data-timings')`,
        ),
      ) as { matcherBytes: number };
      expect(timings.matcherBytes).toBeGreaterThan(0);
      expect(await suite.firefox.evaluate<number>(`document.querySelectorAll('[data-testid="pack"]').length`)).toBe(1);
    } finally {
      await suite.firefox.screenshot(join(SHOTS, 'firefox-pack-import.png'));
    }
    // The content script fetches the pack matcher from the background (Firefox's ports, storage events).
    await suite.firefox.navigate(suite.server.url(SEED_PAGES[1]!));
    await expect
      .poll(() => suite.firefox.evaluate<string[]>(highlighted), { timeout: 15_000, interval: 250 })
      .toContain('Vladimir Fofanov');
    await suite.firefox.screenshot(join(SHOTS, 'firefox-pack-highlight.png'));
  }, 60_000);

  test('the hooks exist only in the e2e build, never in the builds that ship', () => {
    const scripts = (dir: string): string[] =>
      readdirSync(dir, { recursive: true, withFileTypes: true })
        .filter((f) => f.isFile() && f.name.endsWith('.js'))
        .map((f) => readFileSync(join(f.parentPath, f.name), 'utf8'));
    const hasHook = (dir: string) => scripts(dir).some((code) => code.includes('context-lens:e2e-open'));
    expect(hasHook(E2E_BUILD)).toBe(true);
    for (const shipped of ['.output/firefox-mv2', '.output/chrome-mv3'])
      expect(hasHook(join(REPO_ROOT, shipped)), shipped).toBe(false);
  });
});
