import { describe, expect, test } from 'vitest';
import {
  annotationSchema,
  LIMITS,
  newAnnotationId,
  savedEntities,
  savedPageSchema,
} from '../../../lib/annotations/model';
import { sampleAnnotation, samplePage } from './sample';

describe('annotation model', () => {
  test('accepts a well-formed page and annotation', () => {
    expect(savedPageSchema.parse(samplePage())).toEqual(samplePage());
    const annotation = sampleAnnotation({ entityId: 'ban-ki-moon' });
    expect(annotationSchema.parse(annotation)).toEqual(annotation);
  });

  test('makes urn:uuid ids the schema accepts, each different', () => {
    const a = newAnnotationId();
    expect(a).toMatch(/^urn:uuid:/);
    expect(a).not.toBe(newAnnotationId());
    expect(annotationSchema.safeParse(sampleAnnotation({ id: a })).success).toBe(true);
  });

  test.each([
    ['a javascript: page', { pageUrl: 'javascript:alert(1)' }],
    ['a data: source', { target: { source: 'data:text/html,x', selector: sampleAnnotation().target.selector } }],
    ['a URL over 2,048 characters', { pageUrl: `https://example.org/${'a'.repeat(2048)}` }],
    ['an id that is no urn:uuid', { id: 'annotation-1' }],
    ['a note over 10,000 characters', { note: 'x'.repeat(10_001) }],
    ['a quote over 5,000 characters', { exact: 'x'.repeat(5_001) }],
    ['51 tags', { tags: Array.from({ length: 51 }, (_, i) => `t${i}`) }],
    ['a tag over 100 characters', { tags: ['x'.repeat(101)] }],
    ['an empty tag', { tags: [''] }],
    ['an unknown motivation', { motivation: 'bookmarking' as never }],
    ['a date that is not ISO', { created: 'yesterday' }],
    ['an entity id that is not kebab-case', { entityId: 'Ban Ki-moon' }],
  ])('refuses %s', (_name, overrides) => {
    expect(annotationSchema.safeParse(sampleAnnotation(overrides)).success).toBe(false);
  });

  test('accepts notes and quotes right at the limits', () => {
    expect(
      annotationSchema.safeParse(sampleAnnotation({ note: 'x'.repeat(10_000), exact: 'y'.repeat(5_000) })).success,
    ).toBe(true);
  });

  test('refuses a position that ends before it starts, and unknown fields', () => {
    const a = sampleAnnotation();
    expect(
      annotationSchema.safeParse({
        ...a,
        target: { ...a.target, selector: [a.target.selector[0], { type: 'TextPositionSelector', start: 5, end: 5 }] },
      }).success,
    ).toBe(false);
    expect(annotationSchema.safeParse({ ...a, html: '<b>x</b>' }).success).toBe(false);
    expect(savedPageSchema.safeParse({ ...samplePage(), lang: 'not a language!' }).success).toBe(false);
    expect(savedPageSchema.safeParse(samplePage({ lang: '' })).success).toBe(true);
  });
});

describe('the entities a saved page records', () => {
  test('a page naming 6,000 entities is saved with its 5,000 most mentioned, and validates', () => {
    const counts = Array.from({ length: 6_000 }, (_, i) => ({ id: `entity-${i}`, count: 1 + (i % 50), kind: 'place' }));
    const entities = savedEntities(counts);
    expect(entities).toHaveLength(LIMITS.entitiesPerPage);
    expect(entities[0]!.count).toBe(50);
    expect(entities.every((e, k) => k === 0 || e.count <= entities[k - 1]!.count)).toBe(true);
    const now = new Date().toISOString();
    const page = {
      url: 'https://example.org/directory',
      title: 'A directory',
      lang: 'en',
      savedAt: now,
      updatedAt: now,
      entities,
    };
    expect(savedPageSchema.safeParse(page).success).toBe(true);
  });
});
