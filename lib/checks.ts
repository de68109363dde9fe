/**
 * Small hand-made validators for what the content script reads and receives: its settings,
 * the reader's dismissals, and the messages from the background, the popup and the UI frame.
 * The content script loads on every page; with zod these checks were 25 of its 87 KB, and
 * building their schemas part of what each page paid before anything ran. A check here is a
 * plain function, built at once for nothing.
 *
 * A check returns the value itself when it fits and `undefined` when it does not; nothing is
 * copied or transformed. Objects are strict: a key the shape does not name fails the check.
 */

/** The value when it fits, `undefined` when not. `optional`: a strict object's key may be absent. */
export type Check<T> = ((raw: unknown) => T | undefined) & { readonly optional?: true };

/** What a check accepts. */
export type Checked<C> = C extends Check<infer T> ? T : never;

type Shape = Record<string, Check<unknown>>;
type OptionalKeys<S extends Shape> = { [K in keyof S]: S[K] extends { optional: true } ? K : never }[keyof S];
type Flat<T> = { [K in keyof T]: T[K] } & {};
export type ShapeOf<S extends Shape> = Flat<
  { [K in Exclude<keyof S, OptionalKeys<S>>]: Checked<S[K]> } & { [K in OptionalKeys<S>]?: Checked<S[K]> }
>;

interface Bounds {
  min?: number;
  max: number;
}

export const bool: Check<boolean> = (raw) => (typeof raw === 'boolean' ? raw : undefined);

/** A string of `min` to `max` UTF-16 units. */
export function text({ min = 0, max }: Bounds): Check<string> {
  return (raw) => (typeof raw === 'string' && raw.length >= min && raw.length <= max ? raw : undefined);
}

/** A safe integer from `min` to `max`. */
export function int(min: number, max = Number.MAX_SAFE_INTEGER): Check<number> {
  return (raw) =>
    Number.isSafeInteger(raw) && (raw as number) >= min && (raw as number) <= max ? (raw as number) : undefined;
}

/** A finite number from `min` to `max`. */
export function num(min: number, max: number): Check<number> {
  return (raw) => (typeof raw === 'number' && Number.isFinite(raw) && raw >= min && raw <= max ? raw : undefined);
}

/** One of these strings. */
export function oneOf<const V extends readonly string[]>(values: V): Check<V[number]> {
  return (raw) => (typeof raw === 'string' && values.includes(raw) ? (raw as V[number]) : undefined);
}

/** An array of `min` to `max` items, each fitting `item`. */
export function list<T>(item: Check<T>, { min = 0, max }: Bounds): Check<T[]> {
  return (raw) => {
    if (!Array.isArray(raw) || raw.length < min || raw.length > max) return undefined;
    // By index, not every(): every() skips the holes of a sparse array.
    for (let i = 0; i < raw.length; i++) if (item(raw[i]) === undefined) return undefined;
    return raw as T[];
  };
}

function isObject(raw: unknown): raw is Record<string, unknown> {
  return typeof raw === 'object' && raw !== null && !Array.isArray(raw);
}

/** An object used as a map: every key fits `key`, every value `value`. */
export function record<V>(key: Check<string>, value: Check<V>): Check<Record<string, V>> {
  return (raw) => {
    if (!isObject(raw)) return undefined;
    for (const k of Object.keys(raw)) if (key(k) === undefined || value(raw[k]) === undefined) return undefined;
    return raw as Record<string, V>;
  };
}

/** A key of a strict object that may be absent (or undefined). */
export function optional<T>(check: Check<T>): Check<T> & { readonly optional: true } {
  return Object.assign((raw: unknown) => check(raw), { optional: true as const });
}

/** An object with exactly these keys (the optional ones may be absent), each fitting its check. */
export function strict<S extends Shape>(shape: S): Check<ShapeOf<S>> {
  const keys = Object.keys(shape);
  return (raw) => {
    if (!isObject(raw)) return undefined;
    for (const k of Object.keys(raw)) if (!Object.hasOwn(shape, k)) return undefined;
    for (const k of keys) {
      const check = shape[k]!;
      const value = raw[k];
      if (value === undefined ? !check.optional : check(value) === undefined) return undefined;
    }
    return raw as ShapeOf<S>;
  };
}
