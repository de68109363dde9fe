import { describe, expect, test } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TSX } from './tsx';

const ROOT = join(import.meta.dirname, '../..');

function validEntity(id: string) {
  const names = (suffix: string) => ({
    name: `Test body ${id}`,
    aliases: [],
    summary: `A test body created in 1945 for the compiler test${suffix}.`,
  });
  return {
    id,
    kind: 'organization',
    names: { en: names(''), fr: names(' fr'), es: names(' es'), ru: names(' ru'), zh: names(' zh'), ar: names(' ar') },
    facts: {},
    related: [],
    sources: ['https://www.un.org/'],
    reviewed: '2026-11-22',
  };
}

function build(files: Record<string, unknown>) {
  const dir = mkdtempSync(join(tmpdir(), 'lens-data-'));
  const source = join(dir, 'entities');
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(join(source, path, '..'), { recursive: true });
    writeFileSync(join(source, path), typeof content === 'string' ? content : JSON.stringify(content));
  }
  const out = join(dir, 'out');
  const result = spawnSync(TSX, ['scripts/data-build.ts', '--source', source, '--out', out], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr, out };
}

describe('npm run data:build', () => {
  test('writes the records and a version, the same twice for the same data', () => {
    const files = { 'organization/a.json': validEntity('a'), 'organization/b.json': validEntity('b') };
    const first = build(files);
    expect(first.status).toBe(0);
    expect(first.stdout).toMatch(/entities: 2 \(organization 2/);
    const second = build(files);
    expect(readFileSync(join(second.out, 'dataset.json'), 'utf8')).toBe(
      readFileSync(join(first.out, 'dataset.json'), 'utf8'),
    );
    const changed = build({ ...files, 'organization/c.json': validEntity('c') });
    expect(readFileSync(join(changed.out, 'dataset.json'), 'utf8')).not.toBe(
      readFileSync(join(first.out, 'dataset.json'), 'utf8'),
    );
  }, 60_000);

  test('a broken file is named with its field and nothing is written', () => {
    const broken = { ...validEntity('b'), sources: ['not a url'] };
    const result = build({ 'organization/a.json': validEntity('a'), 'organization/b.json': broken });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/organization\/b\.json: sources\.0: /);
    expect(result.stderr).toMatch(/nothing written/);
    expect(existsSync(result.out)).toBe(false);
  }, 60_000);
});
