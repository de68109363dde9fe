/**
 * The research library's records (issue 7): pages the reader saved and their annotations.
 * Annotations follow the W3C Web Annotation Data Model (https://www.w3.org/TR/annotation-model/):
 * a target with a TextQuoteSelector and a TextPositionSelector, so they can be re-anchored on a
 * page that changed, exported and read by other tools. The schemas are the import boundary too:
 * every limit here is enforced on files the user imports.
 */
import { z } from 'zod';
import { entityId } from '../dataset/formats';
import { LANG_TAG, LIMITS } from './records';

export { LIMITS, newAnnotationId, savedEntities } from './records';

// Every schema here is built on first use (z.lazy): built at load they cost every page's content
// script several milliseconds in its first task, though most pages never save anything.

/** An http(s) URL of at most 2,048 characters: no javascript:, data:, file: or extension URLs. */
export const httpUrl = z.lazy(() =>
  z
    .url({ protocol: /^https?$/, error: 'expected an http(s) URL' })
    .max(LIMITS.url, `URLs are limited to ${LIMITS.url} characters`),
);

/** ISO 8601 date-time with a time zone, as `new Date().toISOString()` writes it. */
export const timestamp = z.lazy(() => z.iso.datetime({ offset: true, error: 'expected an ISO 8601 date-time' }));

/** A BCP 47 language tag ("en", "zh-Hans"), or "" when the page did not declare one. */
export const langTag = z.lazy(() => z.union([z.literal(''), z.string().max(LIMITS.langTag).regex(LANG_TAG)]));

export const savedPageSchema = z.lazy(() =>
  z.strictObject({
    /** The page's canonical URL (see canonicalUrl): the key annotations refer to. */
    url: httpUrl,
    title: z.string().max(LIMITS.title),
    lang: langTag,
    savedAt: timestamp,
    updatedAt: timestamp,
    /** The entities found on the page when it was saved, with mention counts. */
    entities: z
      .array(z.strictObject({ id: entityId, count: z.number().int().nonnegative() }))
      .max(LIMITS.entitiesPerPage),
  }),
);
export type SavedPage = z.infer<typeof savedPageSchema>;

/** `urn:uuid:` + a UUID, as W3C examples identify annotations that have no web address. */
export const annotationId = z.lazy(() =>
  z
    .string()
    .regex(/^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, 'expected urn:uuid:<uuid>'),
);

export const textQuoteSelectorSchema = z.lazy(() =>
  z.strictObject({
    type: z.literal('TextQuoteSelector'),
    exact: z.string().min(1).max(LIMITS.exact, `quotes are limited to ${LIMITS.exact} characters`),
    prefix: z.string().max(LIMITS.context),
    suffix: z.string().max(LIMITS.context),
  }),
);
export type TextQuoteSelector = z.infer<typeof textQuoteSelectorSchema>;

export const textPositionSelectorSchema = z.lazy(() =>
  z
    .strictObject({
      type: z.literal('TextPositionSelector'),
      start: z.number().int().nonnegative(),
      end: z.number().int().nonnegative(),
    })
    .refine((s) => s.end > s.start, { message: 'end must be after start', path: ['end'] }),
);
export type TextPositionSelector = z.infer<typeof textPositionSelectorSchema>;

export const selectorsSchema = z.lazy(() => z.tuple([textQuoteSelectorSchema, textPositionSelectorSchema]));
export type Selectors = z.infer<typeof selectorsSchema>;

export const MOTIVATIONS = ['highlighting', 'commenting', 'tagging'] as const;
export type Motivation = (typeof MOTIVATIONS)[number];

export const annotationSchema = z.lazy(() =>
  z.strictObject({
    id: annotationId,
    /** The canonical URL of the SavedPage this annotation belongs to. */
    pageUrl: httpUrl,
    target: z.strictObject({ source: httpUrl, selector: selectorsSchema }),
    /** The entity the annotated passage is about, when the reader linked one. */
    entityId: entityId.optional(),
    body: z.strictObject({
      /** Plain text, never HTML: displayed with textContent, exported escaped. */
      note: z.string().max(LIMITS.note, `notes are limited to ${LIMITS.note} characters`),
      tags: z
        .array(z.string().min(1).max(LIMITS.tag, `tags are limited to ${LIMITS.tag} characters`))
        .max(LIMITS.tags, `at most ${LIMITS.tags} tags`),
    }),
    created: timestamp,
    modified: timestamp,
    motivation: z.enum(MOTIVATIONS),
  }),
);
export type Annotation = z.infer<typeof annotationSchema>;
