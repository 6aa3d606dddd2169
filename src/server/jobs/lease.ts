/**
 * Time and leases for background work. A pass is given a `now` (simulated in tests); each claim
 * inside it happens at `now` plus the real time the pass has taken so far, so a message claimed
 * three minutes into a slow pass gets a lease from then, not one that has already run out.
 */
export function passClock(now: Date): () => Date {
  const started = performance.now();
  return () => new Date(now.getTime() + (performance.now() - started));
}

/**
 * Keeps a lease alive while slow work (an SMTP send, a webhook request) runs: `renew` is called
 * every `everyMs` until the work settles. A process that dies stops renewing, so the lease then
 * runs out and another process takes the work over.
 */
export async function whileRenewing<T>(
  work: Promise<T>,
  renew: () => Promise<unknown>,
  everyMs: number,
): Promise<T> {
  const timer = setInterval(() => {
    renew().catch((error: unknown) => {
      console.error(
        '[jobs] could not renew a lease:',
        error instanceof Error ? error.message : error,
      );
    });
  }, everyMs);
  timer.unref();
  try {
    return await work;
  } finally {
    clearInterval(timer);
  }
}
