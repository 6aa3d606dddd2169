/**
 * A token bucket per client, in memory: a client that floods the beacon endpoint gets 429
 * without a database write, so it cannot slow everyone else down. Each process keeps its own
 * buckets (behind N processes a client gets N times the rate, which is still a bound).
 * Defaults: bursts of 60 batches, refilled at 5 per second; 6,000 events a second per client at most.
 */
export class FloodGuard {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    private readonly capacity = 60,
    private readonly refillPerSecond = 5,
    private readonly maxClients = 50_000,
  ) {}

  /** Takes one token; returns the seconds to wait when there is none. */
  take(
    client: string,
    now: number = Date.now(),
  ): { allowed: true } | { allowed: false; retryAfterSeconds: number } {
    const bucket = this.buckets.get(client) ?? { tokens: this.capacity, at: now };
    bucket.tokens = Math.min(
      this.capacity,
      bucket.tokens + ((now - bucket.at) / 1000) * this.refillPerSecond,
    );
    bucket.at = now;
    this.buckets.delete(client);
    if (this.buckets.size >= this.maxClients)
      this.buckets.delete(this.buckets.keys().next().value as string);
    this.buckets.set(client, bucket);
    if (bucket.tokens < 1)
      return {
        allowed: false,
        retryAfterSeconds: Math.ceil((1 - bucket.tokens) / this.refillPerSecond),
      };
    bucket.tokens -= 1;
    return { allowed: true };
  }
}
