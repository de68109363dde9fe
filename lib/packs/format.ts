/**
 * The pack format (issue 8, "bring your own dataset"): the dataset schema of data/ in an
 * envelope. Documented for users in data/PACKS.md; keep the two in step.
 *
 *   { "format": "context-lens-pack", "version": 1, "id": "my-pack", "name": "My pack",
 *     "description"?: "…", "createdAt"?: "2025-06-01", "entities": [ Entity, … ] }
 *
 * A pack entity is an entity of lib/dataset/schema.ts (the schemas are reused, not copied)
 * with three reliefs for data the user brings: languages are optional (at least one needed),
 * summaries are optional and may be short, and `reviewed` is optional. On top of the schema,
 * packs are held to plain-text and size rules (validate.ts), since they come from anywhere.
 */
import { z } from 'zod';
import {
  entityId,
  entitySchema,
  isoDate,
  LANGS,
  localizedSchema,
  type Entity,
  type Lang,
  type Localized,
} from '../dataset/schema';

export const PACK_FORMAT = 'context-lens-pack';
export const PACK_VERSION = 1;

/** The max_length check of a zod array (zod 4 keeps it in def.checks), or the fallback. */
function arrayMax(schema: z.ZodArray, fallback: number): number {
  for (const check of schema.def.checks ?? []) {
    const def = check._zod.def as { check?: string; maximum?: number };
    if (def.check === 'max_length' && typeof def.maximum === 'number') return def.maximum;
  }
  return fallback;
}

/** Size limits of a pack. The per-field limits are the dataset schema's own, read from it. */
export const PACK_LIMITS = {
  entities: 200_000,
  /** Whole file, in UTF-16 code units (JSON text). */
  textLength: 256 * 1024 * 1024,
  packId: 64,
  packName: 100,
  packDescription: 2_000,
  entityId: 100,
  name: localizedSchema.shape.name.maxLength ?? 300,
  short: localizedSchema.shape.short.unwrap().maxLength ?? 100,
  aliasText: localizedSchema.shape.aliases.unwrap().element.shape.text.maxLength ?? 200,
  aliasNote: localizedSchema.shape.aliases.unwrap().element.shape.note.unwrap().maxLength ?? 500,
  aliasesPerLanguage: arrayMax(localizedSchema.shape.aliases.unwrap(), 200),
  summary: localizedSchema.shape.summary.maxLength ?? 1200,
  /** Other free texts (office roles, region). */
  text: 300,
  sources: 20,
  sourceLength: 2_000,
  links: 1_000,
  offices: 100,
} as const;

/** A slug: the dataset's kebab-case id rule, shorter. */
export const packIdSchema = entityId.max(PACK_LIMITS.packId);

/** A language of a pack entity: the dataset's, but the summary is optional and may be short. */
export const packLocalizedSchema = localizedSchema.extend({
  summary: z.string().min(1).max(PACK_LIMITS.summary).optional(),
});
export type PackLocalized = z.infer<typeof packLocalizedSchema>;

const optionalLangs = Object.fromEntries(LANGS.map((l) => [l, packLocalizedSchema.optional()])) as Record<
  Lang,
  z.ZodOptional<typeof packLocalizedSchema>
>;

export const packNamesSchema = z
  .strictObject(optionalLangs)
  .refine((names) => LANGS.some((l) => names[l] !== undefined), {
    message: `needs a name in at least one language (${LANGS.join(', ')})`,
  });

/** A pack entity: the dataset entity with optional languages, optional summaries and optional `reviewed`. */
export const packEntitySchema = entitySchema.extend({
  id: entityId.max(PACK_LIMITS.entityId),
  names: packNamesSchema,
  reviewed: isoDate.optional(),
});
export type PackEntity = z.infer<typeof packEntitySchema>;
export type PackEntityInput = z.input<typeof packEntitySchema>;

/** ISO 8601 date ("2025-06-01") or UTC/offset date-time ("2025-06-01T12:00:00Z"). */
export const createdAtSchema = z.union([isoDate, z.iso.datetime({ offset: true })]);

export const packSchema = z.strictObject({
  format: z.literal(PACK_FORMAT),
  version: z.literal(PACK_VERSION),
  id: packIdSchema,
  name: z.string().min(1).max(PACK_LIMITS.packName),
  description: z.string().max(PACK_LIMITS.packDescription).optional(),
  createdAt: createdAtSchema.optional(),
  entities: z.array(packEntitySchema).min(1).max(PACK_LIMITS.entities),
});
export type Pack = z.infer<typeof packSchema>;
export type PackInput = z.input<typeof packSchema>;

/** The languages an entity has a name in, in LANGS order. */
export function languagesOf(e: PackEntity): Lang[] {
  return LANGS.filter((l) => e.names[l] !== undefined);
}

const EMPTY: Localized = Object.freeze({ name: '', aliases: [], summary: '' }) as Localized;

/**
 * Entities for compileMatcher (lib/match), which reads all six languages: a missing language
 * becomes an empty name, which the matcher skips (no pattern, no generated forms). Not for
 * display: use displayEntity.
 */
export function matcherEntities(entities: readonly PackEntity[]): Entity[] {
  return entities.map((e) => {
    const names = {} as Entity['names'];
    for (const l of LANGS) {
      const n = e.names[l];
      names[l] = n ? { ...n, summary: n.summary ?? '' } : EMPTY;
    }
    return { ...e, names, reviewed: e.reviewed ?? '' };
  });
}

/**
 * An entity for the card (lib/entity-view.ts), which reads every language: a missing
 * language shows the first present one in `fallback` order; a missing summary is ''.
 */
export function displayEntity(e: PackEntity, fallback: readonly Lang[] = LANGS): Entity {
  const order = [...fallback, ...LANGS];
  const first = order.map((l) => e.names[l]).find((n) => n !== undefined) ?? EMPTY;
  const names = {} as Entity['names'];
  for (const l of LANGS) {
    const n = e.names[l] ?? first;
    names[l] = { ...n, summary: n.summary ?? '' };
  }
  return { ...e, names, reviewed: e.reviewed ?? '' };
}
