import { config } from '../config';

/**
 * Partner API settings. API_RATE_LIMIT (requests per minute per key, default 600, ten a second,
 * enough for a CRM sync) is read and checked with the rest of the environment at start
 * (config.ts), so a bad value stops the server with its name instead of failing every request.
 */

export interface ApiSettings {
  ratePerMinute: number;
  /** Idempotency keys are honoured for at least this long. */
  idempotencyTtlMs: number;
  /** A request holding an Idempotency-Key is presumed dead after this long. */
  idempotencyLockMs: number;
  idempotencyRenewMs: number;
  /** How long a second request waits for the first one with the same key. */
  idempotencyWaitMs: number;
}

let cached: ApiSettings | undefined;

export function apiSettings(): ApiSettings {
  if (!cached) {
    cached = {
      ratePerMinute: config().apiRatePerMinute,
      idempotencyTtlMs: 24 * 60 * 60 * 1000,
      // A request that died frees its key this long after its last sign of life (see runIdempotent).
      idempotencyLockMs: 15_000,
      idempotencyRenewMs: 5_000,
      idempotencyWaitMs: 10_000,
    };
  }
  return cached;
}
