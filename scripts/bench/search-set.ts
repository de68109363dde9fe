/**
 * Inputs of the popup-search bench and tests: the real entities plus deterministic
 * pseudo-entities (pseudo-names.ts: six languages, four scripts), and queries typed the way a
 * user would, one keystroke at a time (real names, typos, other scripts, pseudo-names).
 */
import type { Entity } from '../../lib/dataset/schema';
import { createRng } from './prng';
import { pseudoEntity } from './pseudo-names';

/** The distinct Han characters of the dataset's Chinese names, in first-seen order (no corpus needed). */
export function hanPoolOf(real: readonly Entity[]): string[] {
  const pool = new Set<string>();
  for (const e of real) for (const ch of e.names.zh.name) if (/\p{Script=Han}/u.test(ch)) pool.add(ch);
  return [...pool];
}

/** `count` pseudo-entities (ids bench-000000…), the same for the same seed. */
export function pseudoEntities(real: readonly Entity[], count: number, seed = 0x5ea4c4): Entity[] {
  const rng = createRng(seed);
  const pool = hanPoolOf(real).slice(0, 600);
  return Array.from({ length: count }, (_, k) => pseudoEntity(k, rng, pool));
}

/** Real-looking queries: exact names, typos, transliterations, each of the six languages. */
export const REAL_QUERIES = [
  'Ban Ki-moon',
  'Bam Ki-mun',
  'Пан Ги Мун',
  '潘基文',
  'بان كي مون',
  'Guteres',
  'Organisation mondiale de la santé',
  'World Helth Organisation',
  'Consejo de Seguridad',
  'Совет Безопасности',
  'الأمم المتحدة',
  '联合国儿童基金会',
  'unesco',
] as const;

/** Pseudo-entity names as typed: some exact, some with two letters swapped. */
export function pseudoQueries(pseudo: readonly Entity[], count: number, seed = 0x7e57): string[] {
  const rng = createRng(seed);
  const langs = ['en', 'fr', 'ru', 'zh', 'ar', 'es'] as const;
  return Array.from({ length: count }, (_, k) => {
    const e = pseudo[rng.int(pseudo.length)]!;
    const name = e.names[langs[k % langs.length]!].name;
    if (k % 2 === 0 || name.length < 4) return name;
    const at = 1 + rng.int(name.length - 2);
    return name.slice(0, at - 1) + name[at] + name[at - 1] + name.slice(at + 1);
  });
}

/** Every prefix a user types on the way to `query` (one per code point). */
export function keystrokes(query: string): string[] {
  const chars = [...query];
  return chars.map((_, k) => chars.slice(0, k + 1).join(''));
}
