/**
 * Deterministic generated packs for tests and the bench: n entities shaped like a pack a user
 * would bring (often from Wikidata): names in one or two of the six languages, about three
 * names and aliases per entity in all, some summaries, some dates. The names are the bench's
 * made-up pseudo-names (scripts/bench/pseudo-names.ts) in Latin, Cyrillic, Han and Arabic.
 */
import { LANGS, type Lang } from '../../lib/dataset/basics';
import { createRng } from './prng';
import { pseudoEntity } from './pseudo-names';
import { PACK_FORMAT, PACK_VERSION, type Pack, type PackEntity, type PackLocalized } from '../../lib/packs/format';

/** A fixed pool of Han characters (CJK Unified Ideographs spread over the block), so no file is read. */
const HAN_POOL: readonly string[] = Array.from({ length: 600 }, (_, k) =>
  String.fromCharCode(0x4e00 + ((k * 7919) % 0x5000)),
);

const SUMMARY: Record<Lang, string> = {
  en: 'A generated entity of a test pack.',
  fr: 'Une entité générée pour un paquet de test.',
  es: 'Una entidad generada para un paquete de prueba.',
  ru: 'Сущность, созданная для тестового пакета.',
  zh: '为测试数据包生成的实体。',
  ar: 'كيان مولد لحزمة اختبار.',
};

/** Another made-up name from a name: its words rotated, or its characters reversed (cheap, deterministic). */
function formerName(name: string, k: number): string {
  const words = name.split(' ');
  if (words.length > 1)
    return [...words.slice(1 + (k % (words.length - 1))), ...words.slice(0, 1 + (k % (words.length - 1)))].join(' ');
  const chars = [...name].reverse().join('');
  return k % 2 ? `${chars} ${name}` : `${name} ${chars}`;
}

/** Entity ids of generated packs: gen-000000, gen-000001, … (prefix configurable). */
export function generatedId(index: number, prefix = 'gen'): string {
  return `${prefix}-${String(index).padStart(6, '0')}`;
}

/** How many alias texts (names, short names, aliases) an entity has, over its languages. */
export function aliasCount(e: PackEntity): number {
  let n = 0;
  for (const l of LANGS) {
    const loc = e.names[l];
    if (loc) n += 1 + (loc.short ? 1 : 0) + loc.aliases.length;
  }
  return n;
}

/**
 * n entities, the same for the same (n, seed); a smaller n gives a prefix of a larger one.
 * About 3 alias texts per entity; every language and every kind appears.
 */
export function generateEntities(n: number, seed = 1, idPrefix = 'gen'): PackEntity[] {
  const rng = createRng(seed);
  const out: PackEntity[] = [];
  for (let index = 0; index < n; index++) {
    const full = pseudoEntity(index, rng, HAN_POOL);
    const target = rng.range(2, 4);
    const langs: Lang[] = [LANGS[index % LANGS.length]!];
    if (target >= 3 && rng.chance(0.5)) langs.push(LANGS[(index + 1 + rng.int(LANGS.length - 1)) % LANGS.length]!);
    const names: Partial<Record<Lang, PackLocalized>> = {};
    let count = 0;
    for (const lang of langs) {
      const src = full.names[lang];
      const loc: PackLocalized = { name: src.name, aliases: [...src.aliases] };
      if (src.short) loc.short = src.short;
      if (rng.chance(0.5)) loc.summary = SUMMARY[lang];
      names[lang] = loc;
      count += 1 + (loc.short ? 1 : 0) + loc.aliases.length;
    }
    // Up to the target with "former names": the name's words (or characters) in another order.
    for (let k = 0; count < target; k++, count++) {
      const lang = langs[k % langs.length]!;
      names[lang]!.aliases.push({ text: formerName(names[lang]!.name, k) });
    }
    const facts: PackEntity['facts'] = {};
    const year = String(1900 + rng.int(125));
    if (full.kind === 'person') facts.born = year;
    else if (full.kind === 'organization') facts.founded = year;
    else if (full.kind === 'event')
      Object.assign(facts, { start: `${year}-0${1 + rng.int(9)}`, end: `${year}-1${rng.int(3)}` });
    const id = generatedId(index, idPrefix);
    out.push({ id, kind: full.kind, names, facts, related: [], sources: [`https://example.org/packs/${id}`] });
  }
  return out;
}

/** A whole generated pack (valid: parsePack(JSON.stringify(generatePack(n, seed))) accepts it). */
export function generatePack(n: number, seed = 1, id = 'generated'): Pack {
  return {
    format: PACK_FORMAT,
    version: PACK_VERSION,
    id,
    name: `Generated pack (${n} entities, seed ${seed})`,
    createdAt: '2025-01-01',
    entities: generateEntities(n, seed),
  };
}
