/**
 * Message maps and their parsing, for either flavour of zod: the full one (the background's
 * maps, with the annotation schemas) or zod/mini (what the content script receives, so it
 * carries a small validator instead of all of zod into every page).
 */
import { safeParse, type $ZodType, type output } from 'zod/v4/core';

/**
 * A direction's schemas, built on first use: built at load, the message schemas were most of
 * the content script's first task on every page (about 20 ms here), for messages most pages
 * never receive.
 */
export function onFirstUse<M extends Record<string, $ZodType>>(build: () => M): () => M {
  let map: M | undefined;
  return () => (map ??= build());
}

export type MessageOf<M extends Record<string, $ZodType>> = {
  [K in keyof M]: { type: K; payload: output<M[K]> };
}[keyof M];

/** Validates an incoming message against one direction's map; `null` for anything unknown or malformed. */
export function parseMessage<M extends Record<string, $ZodType>>(schemas: () => M, raw: unknown): MessageOf<M> | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const map = schemas();
  const { type, payload } = raw as { type?: unknown; payload?: unknown };
  if (typeof type !== 'string' || !Object.hasOwn(map, type)) return null;
  const schema = map[type as keyof M];
  if (!schema) return null;
  const parsed = safeParse(schema, payload ?? {});
  if (!parsed.success) return null;
  return { type, payload: parsed.data } as MessageOf<M>;
}

/**
 * A direction's receiving end: per message type, a handler from its validated payload (and
 * who sent it) to its reply. A map rather than a switch, so a message without a handler, or a
 * handler whose reply is not the declared one, does not compile.
 */
export type Handlers<M extends Record<string, $ZodType>, R extends Record<keyof M, unknown>, From> = {
  [K in keyof M]: (payload: output<M[K]>, from: From) => R[K] | Promise<R[K]>;
};

/**
 * Validates `raw` and runs its type's handler. Undefined (no reply at all) for anything unknown
 * or malformed, so other listeners and other extensions' messages are left alone.
 */
export function dispatch<M extends Record<string, $ZodType>, R extends Record<keyof M, unknown>, From>(
  schemas: () => M,
  handlers: Handlers<M, R, From>,
  raw: unknown,
  from: From,
): Promise<R[keyof M]> | undefined {
  const message = parseMessage(schemas, raw);
  if (!message) return undefined;
  const run = <K extends keyof M>(m: { type: K; payload: output<M[K]> }): Promise<R[K]> =>
    Promise.resolve(handlers[m.type](m.payload, from));
  return run(message);
}
