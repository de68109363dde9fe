/** The dataset's id and date formats, as schemas (for the entity schema, packs and annotations). */
import { z } from 'zod';

/** ISO 8601 date, possibly partial: "2007", "2007-01", "2007-01-01". */
export const isoDate = z
  .string()
  .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'expected a date like 2007, 2007-01 or 2007-01-01');

export const entityId = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'expected a kebab-case id such as "ban-ki-moon"');
