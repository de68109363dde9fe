/**
 * The library's file format: a W3C Web Annotation AnnotationCollection in JSON-LD
 * (https://www.w3.org/TR/annotation-model/#annotation-collection, the annotations in its first
 * AnnotationPage), plus a `contextLens` member with a format version and the SavedPage records,
 * so that importing a file gives back exactly what was exported. Other tools read the standard
 * part; a JSON-LD processor ignores `contextLens`, which the anno.jsonld context does not define.
 */
import { z } from 'zod';
import { entityId } from '../dataset/formats';
import { LIMITS, MOTIVATIONS, annotationId, httpUrl, selectorsSchema, timestamp, type SavedPage } from './model';

export const ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';
export const FORMAT_VERSION = 1;
/** Identifies a dataset entity in an identifying body: `urn:x-context-lens:entity:<id>`. */
export const ENTITY_URN = 'urn:x-context-lens:entity:';
/** Files larger than this are refused before parsing. */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;

const noteBody = z.strictObject({
  type: z.literal('TextualBody'),
  purpose: z.literal('commenting'),
  format: z.literal('text/plain'),
  value: z.string().max(LIMITS.note, `notes are limited to ${LIMITS.note} characters`),
});

const tagBody = z.strictObject({
  type: z.literal('TextualBody'),
  purpose: z.literal('tagging'),
  value: z.string().min(1).max(LIMITS.tag, `tags are limited to ${LIMITS.tag} characters`),
});

const entityBody = z.strictObject({
  type: z.literal('TextualBody'),
  purpose: z.literal('identifying'),
  id: z
    .string()
    .max(300)
    .refine((id) => id.startsWith(ENTITY_URN) && entityId.safeParse(id.slice(ENTITY_URN.length)).success, {
      message: `expected ${ENTITY_URN}<entity id>`,
    }),
  /** The entity's name when exported, for other tools; the id is what is imported. */
  value: z.string().max(1000),
});

export const bodySchema = z.discriminatedUnion('purpose', [noteBody, tagBody, entityBody]);
export type JsonLdBody = z.infer<typeof bodySchema>;

export const jsonLdAnnotationSchema = z
  .strictObject({
    id: annotationId,
    type: z.literal('Annotation'),
    motivation: z.enum(MOTIVATIONS),
    created: timestamp,
    modified: timestamp,
    body: z
      .array(bodySchema)
      .max(LIMITS.tags + 2)
      .optional(),
    target: z.strictObject({ source: httpUrl, selector: selectorsSchema }),
    /** Only when the library page differs from target.source. */
    contextLens: z.strictObject({ pageUrl: httpUrl }).optional(),
  })
  .superRefine((item, ctx) => {
    const count = (purpose: JsonLdBody['purpose']) => (item.body ?? []).filter((b) => b.purpose === purpose).length;
    if (count('commenting') > 1) ctx.addIssue({ code: 'custom', path: ['body'], message: 'more than one note body' });
    if (count('identifying') > 1)
      ctx.addIssue({ code: 'custom', path: ['body'], message: 'more than one entity body' });
    if (count('tagging') > LIMITS.tags)
      ctx.addIssue({ code: 'custom', path: ['body'], message: `at most ${LIMITS.tags} tags` });
  });
export type JsonLdAnnotation = z.infer<typeof jsonLdAnnotationSchema>;

/** The envelope; pages and items are checked one by one so each problem gets its own path. */
export const envelopeSchema = z.strictObject({
  '@context': z.literal(ANNO_CONTEXT),
  type: z.literal('AnnotationCollection'),
  label: z.string().max(1000).optional(),
  total: z.number().int().nonnegative(),
  first: z.strictObject({
    type: z.literal('AnnotationPage'),
    startIndex: z.literal(0),
    items: z.array(z.unknown()).max(500_000),
  }),
  contextLens: z.strictObject({
    version: z.literal(FORMAT_VERSION),
    pages: z.array(z.unknown()).max(500_000),
  }),
});

export interface JsonLdCollection {
  '@context': typeof ANNO_CONTEXT;
  type: 'AnnotationCollection';
  label: string;
  total: number;
  first: { type: 'AnnotationPage'; startIndex: 0; items: JsonLdAnnotation[] };
  contextLens: { version: typeof FORMAT_VERSION; pages: SavedPage[] };
}
