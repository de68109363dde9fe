/**
 * Message maps and their parsing. A map gives, per message type, the check of its payload
 * (lib/checks.ts): the content script's maps are written with those hand-made checks, so it
 * carries no validation library into every page; the background's map, with the annotation
 * schemas, is written in zod and turned into checks (lib/protocol.ts).
 */
import type { Check, Checked } from './checks';

type Checks = Record<string, Check<unknown>>;

/**
 * A direction's checks, built on first use: the zod schemas of the background's map took
 * about 20 ms to build here, for messages most pages never receive.
 */
export function onFirstUse<M extends Checks>(build: () => M): () => M {
  let map: M | undefined;
  return () => (map ??= build());
}

export type MessageOf<M extends Checks> = {
  [K in keyof M]: { type: K; payload: Checked<M[K]> };
}[keyof M];

/** Validates an incoming message against one direction's map; `null` for anything unknown or malformed. */
export function parseMessage<M extends Checks>(checks: () => M, raw: unknown): MessageOf<M> | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const map = checks();
  const { type, payload } = raw as { type?: unknown; payload?: unknown };
  if (typeof type !== 'string' || !Object.hasOwn(map, type)) return null;
  const check = map[type as keyof M];
  const value = check?.(payload ?? {});
  if (value === undefined) return null;
  return { type, payload: value } as MessageOf<M>;
}

/**
 * A direction's receiving end: per message type, a handler from its validated payload (and
 * who sent it) to its reply. A map rather than a switch, so a message without a handler, or a
 * handler whose reply is not the declared one, does not compile.
 */
export type Handlers<M extends Checks, R extends Record<keyof M, unknown>, From> = {
  [K in keyof M]: (payload: Checked<M[K]>, from: From) => R[K] | Promise<R[K]>;
};

/**
 * Validates `raw` and runs its type's handler. Undefined (no reply at all) for anything unknown
 * or malformed, so other listeners and other extensions' messages are left alone.
 */
export function dispatch<M extends Checks, R extends Record<keyof M, unknown>, From>(
  checks: () => M,
  handlers: Handlers<M, R, From>,
  raw: unknown,
  from: From,
): Promise<R[keyof M]> | undefined {
  const message = parseMessage(checks, raw);
  if (!message) return undefined;
  const run = <K extends keyof M>(m: { type: K; payload: Checked<M[K]> }): Promise<R[K]> =>
    Promise.resolve(handlers[m.type](m.payload, from));
  return run(message);
}
