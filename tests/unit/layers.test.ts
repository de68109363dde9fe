/**
 * The layer rules of eslint.config.js, run on probe files: an import against the direction
 * (lib → platform, components → platform, scripts → entrypoints, ...) is a lint error, so
 * `npm test` fails; the imports each layer does need stay allowed.
 * @vitest-environment node
 */
import { ESLint } from 'eslint';
import { describe, expect, test } from 'vitest';
import { REPO_ROOT } from '../support/static-server';

const eslint = new ESLint({ cwd: REPO_ROOT });

async function layerErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${code}\nexport const probe = x;\n`, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('imports follow the layers', () => {
  test.each([
    ['lib/match/probe.ts', "import { x } from '../../platform/settings';"],
    ['lib/probe.ts', "import { x } from '../scripts/bench/prng';"],
    ['lib/probe.ts', "import { x } from '../reading/page-text';"],
    ['lib/probe.ts', "import { x } from 'wxt/browser';"],
    ['reading/probe.ts', "import { x } from '../entrypoints/content/hover';"],
    ['components/Probe.tsx', "import { x } from '../platform/entities';"],
    ['components/Probe.tsx', "import { x } from '@/platform/settings';"],
    ['platform/probe.ts', "import { x } from '../components/EntityCard';"],
    ['entrypoints/popup/probe.ts', "import { x } from '../../tests/support/chromium';"],
    ['scripts/bench/probe.ts', "import { x } from '../../entrypoints/content/page-scanner';"],
  ])('%s: %s is refused', async (file, code) => {
    const errors = await layerErrors(file, code);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/may not/);
  });

  test.each([
    ['lib/match/probe.ts', "import { x } from '../dataset/basics';"],
    ['lib/probe.ts', "import x from '../locales/en.json';"],
    ['reading/probe.ts', "import { x } from '../lib/scan/protocol';"],
    ['components/Probe.tsx', "import { x } from '../lib/settings';"],
    ['entrypoints/content/probe.ts', "import { x } from '../../reading/page-text';"],
    ['scripts/bench/probe.ts', "import { x } from '../../reading/text-nodes';"],
    ['tests/unit/probe.ts', "import { x } from '../../entrypoints/content/page-scanner';"],
  ])('%s: %s is allowed', async (file, code) => {
    expect(await layerErrors(file, code)).toEqual([]);
  });
});
