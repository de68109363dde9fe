/**
 * The nested term packs of the matching bench (1k ⊂ 10k ⊂ 100k aliases): the real dataset's
 * names (data/entities) plus deterministic pseudo-entities. The 1k pack holds only a "core"
 * subset of the real entities (the whole dataset has more than 1k aliases); the dense page
 * names only core entities, so every pack can find every planted mention.
 *
 * Each pack is compiled with the engine's compileMatcher in Node (timed) and serialized; the
 * browser gets the bytes, exactly as the extension will ship them. The baselines get the
 * pack's alias texts as written (our matcher also compiles generated Russian case forms and
 * Arabic forms after ل, which the baselines do not get: that only makes their lists shorter).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { compileMatcher, serializeMatcher, type Matcher } from '../../lib/match';
import { parseEntityFile } from '../../lib/dataset/parse';
import { LANGS, type Entity, type Kind, type Lang } from '../../lib/dataset/schema';
import { REPO_ROOT } from '../../tests/support/static-server';
import { createRng } from './prng';
import { pseudoEntity } from './pseudo-names';
import { hanCharacters } from './filler-text';

/** 300k (only with --packs 300k) is about the size of issue 8's generated 100k-entity pack (~301k names). */
export const PACK_SIZES = [1_000, 10_000, 100_000, 300_000] as const;
/** Share of the 1k pack taken by real names (the rest is pseudo-names). */
const CORE_ALIASES = 600;

export interface AliasText {
  lang: Lang;
  text: string;
  contextual: boolean;
  caseSensitive: boolean;
}

/** Every name, short name and alias of an entity, as written in the data. */
export function aliasesOf(e: Entity): AliasText[] {
  const out: AliasText[] = [];
  for (const lang of LANGS) {
    const n = e.names[lang];
    out.push({ lang, text: n.name, contextual: false, caseSensitive: false });
    if (n.short) out.push({ lang, text: n.short, contextual: false, caseSensitive: false });
    for (const a of n.aliases ?? [])
      out.push({ lang, text: a.text, contextual: !!a.contextual, caseSensitive: !!a.caseSensitive });
  }
  return out;
}

/** The dataset's entities; a file that does not validate is skipped with a warning (the bench measures, data:build judges). */
export function loadRealEntities(warn: (s: string) => void = console.warn): Entity[] {
  const root = join(REPO_ROOT, 'data/entities');
  const entities: Entity[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith('.json')) {
        const { entity, problems } = parseEntityFile(relative(REPO_ROOT, path), readFileSync(path, 'utf8'));
        if (entity) entities.push(entity);
        else warn(`bench: skipped ${problems.map((p) => `${p.file}: ${p.field}: ${p.message}`).join('; ')}`);
      }
    }
  };
  walk(root);
  return entities.sort((a, b) => (a.id < b.id ? -1 : 1));
}

/** Real entities taken round-robin over the kinds until CORE_ALIASES aliases. */
export function coreEntities(real: Entity[]): Entity[] {
  const byKind = new Map<Kind, Entity[]>();
  for (const e of real) byKind.set(e.kind, [...(byKind.get(e.kind) ?? []), e]);
  const queues = [...byKind.values()];
  const core: Entity[] = [];
  let count = 0;
  for (let round = 0; queues.some((q) => q.length > round); round++) {
    for (const q of queues) {
      const e = q[round];
      if (!e) continue;
      const n = aliasesOf(e).length;
      if (count + n > CORE_ALIASES) return core;
      core.push(e);
      count += n;
    }
  }
  return core;
}

export interface PackInput {
  label: string;
  entities: Entity[];
  aliasCount: number;
  /** Distinct alias texts, for the baselines. */
  terms: string[];
  /** How many of the alias texts are in each script (for the report). */
  scripts: Record<string, number>;
}

export interface CompiledPack {
  /** Serialized matcher, as the extension ships it. */
  bytes: Uint8Array;
  buildMs: number;
  serializeMs: number;
  /** Distinct normalized patterns (names plus generated forms) and automaton slots. */
  patternGroups: number;
  slots: number;
}

function scriptOf(text: string): string {
  if (/\p{Script=Han}/u.test(text)) return 'Han';
  if (/\p{Script=Arabic}/u.test(text)) return 'Arabic';
  if (/\p{Script=Cyrillic}/u.test(text)) return 'Cyrillic';
  return 'Latin';
}

export const packLabel = (size: number): string => `${size / 1000}k`;

/** The three nested packs' entities and terms. Pseudo-entities come from one seeded sequence, so smaller packs are prefixes. */
export function assemblePacks(real: Entity[], core: Entity[]): PackInput[] {
  const rng = createRng(0xc0ffee);
  const hanPool = hanCharacters().slice(0, 600);
  const pseudo: Entity[] = [];
  const pseudoAliases: number[] = [];
  return PACK_SIZES.map((size) => {
    const base = size <= 1_000 ? core : real;
    let count = base.reduce((n, e) => n + aliasesOf(e).length, 0);
    let used = 0;
    while (count < size) {
      if (used === pseudo.length) {
        const e = pseudoEntity(pseudo.length, rng, hanPool);
        pseudo.push(e);
        pseudoAliases.push(aliasesOf(e).length);
      }
      count += pseudoAliases[used++]!;
    }
    const entities = [...base, ...pseudo.slice(0, used)];
    const all = entities.flatMap(aliasesOf);
    const scripts: Record<string, number> = {};
    for (const a of all) scripts[scriptOf(a.text)] = (scripts[scriptOf(a.text)] ?? 0) + 1;
    return {
      label: packLabel(size),
      entities,
      aliasCount: all.length,
      terms: [...new Set(all.map((a) => a.text))],
      scripts,
    };
  });
}

/**
 * Pattern and state counts for the report. The engine's internal layout is still changing
 * (a base array, or base/check/fail interleaved in `nodes`), so read whichever is there.
 */
function automatonSize(m: Matcher): { patternGroups: number; slots: number } {
  const any = m as unknown as Record<string, { length: number } | undefined>;
  const slots = any.nodes ? any.nodes.length / 3 : (any.base?.length ?? Number.NaN);
  return { patternGroups: any.groupLength?.length ?? Number.NaN, slots };
}

/** Compiles a pack with the engine's own compiler, as the data build will. */
export function compilePack(pack: PackInput): CompiledPack {
  const t0 = performance.now();
  const matcher = compileMatcher(pack.entities);
  const buildMs = performance.now() - t0;
  const t1 = performance.now();
  const bytes = serializeMatcher(matcher);
  return {
    bytes,
    buildMs,
    serializeMs: performance.now() - t1,
    ...automatonSize(matcher),
  };
}
