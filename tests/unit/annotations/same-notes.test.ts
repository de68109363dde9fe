import { expect, test } from 'vitest';
import { sameNotesShown } from '../../../lib/annotations/same-notes';
import { sampleAnnotation } from './sample';

test('the same notes in another order, with other bookkeeping, show the same', () => {
  const a = sampleAnnotation();
  const b = sampleAnnotation({ exact: 'Ban Ki-moon', note: '' });
  expect(sameNotesShown([a, b], [{ ...b, modified: '2030-01-01T00:00:00.000Z' }, a])).toBe(true);
  expect(sameNotesShown([], [])).toBe(true);
  // The same selector with its keys in another order (as a schema may return it).
  const reordered = a.target.selector.map((sel) => Object.fromEntries(Object.entries(sel).reverse()));
  expect(
    sameNotesShown([a], [{ ...a, target: { ...a.target, selector: reordered as typeof a.target.selector } }]),
  ).toBe(true);
});

test('an added, removed or edited note, or a moved passage, does not', () => {
  const a = sampleAnnotation();
  const b = sampleAnnotation({ exact: 'Ban Ki-moon' });
  expect(sameNotesShown([a], [a, b])).toBe(false);
  expect(sameNotesShown([a, b], [a])).toBe(false);
  expect(sameNotesShown([a], [{ ...a, body: { ...a.body, note: 'edited' } }])).toBe(false);
  expect(sameNotesShown([a], [{ ...a, body: { ...a.body, tags: [] } }])).toBe(false);
  expect(sameNotesShown([a], [sampleAnnotation({ id: a.id, exact: 'another passage' })])).toBe(false);
  expect(sameNotesShown([a, a], [a, b])).toBe(false); // a repeated id is not a match
});
