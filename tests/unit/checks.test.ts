import { describe, expect, test } from 'vitest';
import { bool, int, list, num, oneOf, optional, record, strict, text } from '../../lib/checks';

describe('hand-made checks', () => {
  test('scalars: the value itself when it fits, undefined when not', () => {
    expect(bool(false)).toBe(false);
    expect(bool('false')).toBeUndefined();
    expect(text({ min: 1, max: 3 })('abc')).toBe('abc');
    expect(text({ min: 1, max: 3 })('')).toBeUndefined();
    expect(text({ max: 3 })('abcd')).toBeUndefined();
    expect(text({ max: 3 })(3)).toBeUndefined();
    expect(int(0, 10)(10)).toBe(10);
    expect(int(0)(0)).toBe(0);
    for (const bad of [-1, 1.5, Number.NaN, 2 ** 60, '3', null]) expect(int(0)(bad)).toBeUndefined();
    expect(num(0, 1)(0.5)).toBe(0.5);
    for (const bad of [Number.POSITIVE_INFINITY, Number.NaN, 2, '0.5']) expect(num(0, 1)(bad)).toBeUndefined();
    expect(oneOf(['a', 'b'])('b')).toBe('b');
    expect(oneOf(['a', 'b'])('c')).toBeUndefined();
    expect(oneOf(['a', 'b'])(['a'])).toBeUndefined();
  });

  test('lists check every item, holes included, and their length', () => {
    const tags = list(text({ max: 5 }), { min: 1, max: 2 });
    expect(tags(['a', 'b'])).toEqual(['a', 'b']);
    expect(tags([])).toBeUndefined();
    expect(tags(['a', 'b', 'c'])).toBeUndefined();
    expect(tags(['a', 7])).toBeUndefined();
    // eslint-disable-next-line no-sparse-arrays
    expect(list(text({ max: 5 }), { max: 3 })(['a', , 'b'])).toBeUndefined();
    expect(tags({ 0: 'a', length: 1 })).toBeUndefined();
  });

  test('strict objects: exactly their keys, optional ones absent or undefined', () => {
    const shape = strict({ id: text({ max: 10 }), note: optional(text({ max: 10 })) });
    expect(shape({ id: 'x' })).toEqual({ id: 'x' });
    expect(shape({ id: 'x', note: 'n' })).toEqual({ id: 'x', note: 'n' });
    expect(shape({ id: 'x', note: undefined })).toEqual({ id: 'x', note: undefined });
    expect(shape({ note: 'n' })).toBeUndefined();
    expect(shape({ id: 'x', note: 5 })).toBeUndefined();
    expect(shape({ id: 'x', extra: true })).toBeUndefined();
    expect(shape(['x'])).toBeUndefined();
    expect(shape(null)).toBeUndefined();
    expect(shape(JSON.parse('{"id":"x","__proto__":{"polluted":true}}'))).toBeUndefined();
    expect(strict({})({})).toEqual({});
  });

  test('records check every key and value', () => {
    const rules = record(text({ max: 5 }), strict({ enabled: bool }));
    expect(rules({ 'a.org': { enabled: true } })).toEqual({ 'a.org': { enabled: true } });
    expect(rules({ 'a.org': { enabled: 'yes' } })).toBeUndefined();
    expect(rules({ 'long.example.org': { enabled: true } })).toBeUndefined();
    expect(rules([])).toBeUndefined();
  });
});
