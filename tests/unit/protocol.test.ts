import { describe, expect, test } from 'vitest';
import { parseMessage, toBackground, toContent, type ContentReplies, type ToContent } from '../../lib/protocol';
import { dispatch, type Handlers } from '../../lib/messages';

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

describe('dispatching to typed handlers', () => {
  const handlers: Handlers<ToContent, ContentReplies, string> = {
    'page:status': (_payload, from) => ({
      url: from,
      textNodes: 1,
      mentions: 2,
      longestTaskMs: 0,
      scanned: true,
      scannedWith: 'bundled',
      enabled: true,
    }),
    'page:entities': () => ({ entities: [] }),
    'mention:step': async ({ direction }) => ({ ok: direction === 'next' }),
    'mention:reveal': ({ id }) => ({ ok: id === 'unaoc', position: 1, total: 3 }),
    'page:save': () => ({ ok: false, reason: 'quota' }),
    'annotations:status': () => ({ placed: 0, notes: [], orphans: [] }),
    'annotation:reveal': () => ({ ok: false }),
    'selection:annotate': () => ({ ok: true }),
  };

  test("runs the message's own handler with its validated payload and who sent it", async () => {
    await expect(dispatch(toContent, handlers, { type: 'page:status' }, 'https://a.example/')).resolves.toMatchObject({
      url: 'https://a.example/',
      mentions: 2,
    });
    await expect(
      dispatch(toContent, handlers, { type: 'mention:reveal', payload: { id: 'unaoc', direction: 'first' } }, ''),
    ).resolves.toEqual({ ok: true, position: 1, total: 3 });
    await expect(
      dispatch(toContent, handlers, { type: 'mention:step', payload: { direction: 'next' } }, ''),
    ).resolves.toEqual({ ok: true });
  });

  test.each([
    ['an unknown type', { type: 'steal-data', payload: {} }],
    ['a prototype key', { type: 'toString', payload: {} }],
    ['a wrong payload', { type: 'mention:step', payload: { direction: 'sideways' } }],
    ['another direction', { type: 'entities:get', payload: { ids: [] } }],
  ])('gives no answer at all to %s (other listeners stay free to answer)', (_name, raw) => {
    expect(dispatch(toContent, handlers, raw, '')).toBeUndefined();
  });
});
