/**
 * Waiting for a condition where vitest's expect.poll cannot be used (it is refused outside a
 * test, e.g. in beforeAll): polls `probe` until it returns a truthy value, or throws.
 */
export async function waitUntil<T>(
  what: string,
  probe: () => Promise<T>,
  { timeoutMs = 10_000, intervalMs = 200 }: { timeoutMs?: number; intervalMs?: number } = {},
): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs} ms`);
    await new Promise((next) => setTimeout(next, intervalMs)); // the poll's interval
  }
}
