/** Polls until `check` returns a truthy value (which it returns), or throws with `describe()` after the timeout. */
export async function waitUntil<T>(check: () => Promise<T | null | undefined | false | 0>, options: { timeoutMs: number; intervalMs?: number; describe?: () => Promise<string> | string }): Promise<T> {
  const until = Date.now() + options.timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > until) {
      throw new Error(`Timed out after ${options.timeoutMs} ms${options.describe ? `: ${await options.describe()}` : ''}`);
    }
    await new Promise((r) => setTimeout(r, options.intervalMs ?? 100));
  }
}
