import { describe, expect, test } from 'vitest';
import { parseMessage, toBackground, toContent } from '../../lib/protocol';

describe('message protocol', () => {
  test('accepts a well-formed message', () => {
    expect(parseMessage(toBackground, { type: 'entities:get', payload: { ids: ['unaoc'] } })).toEqual({
      type: 'entities:get',
      payload: { ids: ['unaoc'] },
    });
    expect(parseMessage(toContent, { type: 'page:status' })).toEqual({ type: 'page:status', payload: {} });
  });

  test.each([
    ['null', null],
    ['a string', 'ping'],
    ['an unknown type', { type: 'steal-data', payload: {} }],
    ['a prototype key', { type: 'constructor', payload: {} }],
    ['a wrong payload', { type: 'entities:get', payload: { ids: 'unaoc' } }],
    ['extra fields', { type: 'entities:get', payload: { ids: [], evil: true } }],
    ['a message for the other direction', { type: 'page:status', payload: {} }],
  ])('ignores %s', (_name, raw) => {
    expect(parseMessage(toBackground, raw)).toBeNull();
  });
});
