/**
 * Small in-test entities, plus a loader for the real ones in data/entities/ when present.
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Alias, Entity, Facts, Kind, Lang } from '../../../lib/dataset/schema';

type LocalizedInput = { name: string; short?: string; aliases?: Array<string | Alias> };

const LANGS: Lang[] = ['en', 'fr', 'es', 'ru', 'zh', 'ar'];

/** An entity with the given names; languages left out reuse the English name. */
export function entity(
  id: string,
  kind: Kind,
  names: Partial<Record<Lang, LocalizedInput>> & { en: LocalizedInput },
  extra: { facts?: Facts; related?: string[] } = {},
): Entity {
  const localized = (l: Lang) => {
    const input = names[l] ?? { name: names.en.name };
    return {
      name: input.name,
      ...(input.short ? { short: input.short } : {}),
      aliases: (input.aliases ?? []).map((a) => (typeof a === 'string' ? { text: a } : a)),
      summary: `Test summary for ${id} in ${l}, long enough.`,
    };
  };
  return {
    id,
    kind,
    names: Object.fromEntries(LANGS.map((l) => [l, localized(l)])) as Entity['names'],
    facts: extra.facts ?? {},
    related: extra.related ?? [],
    sources: ['https://www.un.org/'],
    reviewed: '2024-01-01',
  };
}

export const ctx = (text: string): Alias => ({ text, contextual: true });

/** Tests and scripts run from the repository root. */
const DATA_DIR = resolve(process.cwd(), 'data/entities');

function jsonFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...jsonFiles(path));
    else if (entry.name.endsWith('.json')) out.push(path);
  }
  return out;
}

/** Every entity in data/entities/ (any depth; empty if there are none yet). */
export function loadDataEntities(): Entity[] {
  if (!existsSync(DATA_DIR)) return [];
  return jsonFiles(DATA_DIR)
    .sort()
    .map((f) => JSON.parse(readFileSync(f, 'utf8')) as Entity);
}
