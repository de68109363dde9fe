/**
 * The dataset schema: one entity per file in `data/entities/`, validated with zod.
 * The same schema is the format of user packs (issue 8), so keep it versioned.
 */
import { z } from 'zod';
import { KINDS } from './basics';
import { entityId, isoDate } from './formats';

export { KINDS, LANGS, type Kind, type Lang } from './basics';
export { entityId, isoDate } from './formats';

export const aliasSchema = z.strictObject({
  text: z.string().min(1).max(200),
  /** An acronym such as "UN", "WHO", "ONU": matched only with this exact case. */
  caseSensitive: z.boolean().optional(),
  /** A short mention ("Mr. Ban", "the Alliance") that counts only where the full name appears. */
  contextual: z.boolean().optional(),
  /** Why the same alias may stand on another entity too (required when it does). */
  note: z.string().max(500).optional(),
});
export type Alias = z.infer<typeof aliasSchema>;

export const localizedSchema = z.strictObject({
  /** The official name as the UN writes it in this language. */
  name: z.string().min(1).max(300),
  /** Short name or acronym for display ("UNAOC", "ONU"); also matched. */
  short: z.string().min(1).max(100).optional(),
  aliases: z.array(aliasSchema).max(200).default([]),
  /** Two to four sentences, written for this project, neutral and dated. */
  summary: z.string().min(20).max(1200),
});
export type Localized = z.infer<typeof localizedSchema>;

export const localizedText = z.strictObject({
  en: z.string().min(1),
  fr: z.string().min(1),
  es: z.string().min(1),
  ru: z.string().min(1),
  zh: z.string().min(1),
  ar: z.string().min(1),
});
export type LocalizedText = z.infer<typeof localizedText>;

/** One holding of an office: the role as written, and the office entity when the dataset has one. */
export const officeSchema = z.strictObject({
  role: localizedText,
  /** The office entity (kind "office") this holding is of, linking holders to their office. */
  office: entityId.optional(),
  organization: entityId.optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
});
export type Office = z.infer<typeof officeSchema>;

export const factsSchema = z.strictObject({
  founded: isoDate.optional(),
  dissolved: isoDate.optional(),
  start: isoDate.optional(),
  end: isoDate.optional(),
  born: isoDate.optional(),
  /** Entity id of a place, when the place is in the dataset. */
  location: entityId.optional(),
  parent: entityId.optional(),
  predecessor: entityId.optional(),
  successor: entityId.optional(),
  participants: z.array(entityId).optional(),
  offices: z.array(officeSchema).optional(),
  /**
   * Offices: their holders, derived by `npm run data:build` from the persons' holdings (never
   * written in data files: the holdings are the one source).
   */
  holders: z.array(z.strictObject({ person: entityId, from: isoDate.optional(), to: isoDate.optional() })).optional(),
  /** Places: ISO 3166-1 alpha-2 code, UN membership date and M49 region. */
  iso2: z
    .string()
    .regex(/^[A-Z]{2}$/)
    .optional(),
  unMember: isoDate.optional(),
  region: z.string().optional(),
});
export type Facts = z.infer<typeof factsSchema>;

export const entitySchema = z.strictObject({
  id: entityId,
  kind: z.enum(KINDS),
  names: z.strictObject({
    en: localizedSchema,
    fr: localizedSchema,
    es: localizedSchema,
    ru: localizedSchema,
    zh: localizedSchema,
    ar: localizedSchema,
  }),
  facts: factsSchema.default({}),
  related: z.array(entityId).default([]),
  sources: z.array(z.url({ protocol: /^https$/ })).min(1, 'every entity needs a source URL'),
  reviewed: isoDate,
});
export type Entity = z.infer<typeof entitySchema>;
export type EntityInput = z.input<typeof entitySchema>;
