/**
 * The dataset's vocabulary: its languages, its kinds of entity, and the id and date formats.
 * Apart from lib/dataset/schema.ts (the whole entity schema) so the content script can use
 * them without building that schema on every page load.
 */
import { z } from 'zod';
export const LANGS = ['en', 'fr', 'es', 'ru', 'zh', 'ar'] as const;
export type Lang = (typeof LANGS)[number];

export const KINDS = ['organization', 'person', 'event', 'place', 'office'] as const;
export type Kind = (typeof KINDS)[number];

/** ISO 8601 date, possibly partial: "2007", "2007-01", "2007-01-01". */
export const isoDate = z
  .string()
  .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'expected a date like 2007, 2007-01 or 2007-01-01');

export const entityId = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'expected a kebab-case id such as "ban-ki-moon"');

