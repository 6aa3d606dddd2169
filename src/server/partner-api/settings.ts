import { z } from 'zod';

/**
 * Partner API settings (README configuration table). API_RATE_LIMIT: requests per minute per
 * key (default 600, ten a second, enough for a CRM sync; a key may carry its own limit).
 */
const envSchema = z.object({
  API_RATE_LIMIT: z.coerce.number().int().positive().max(1_000_000).default(600),
});

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
    const parsed = envSchema.safeParse(process.env);
    if (!parsed.success)
      throw new Error(
        'Invalid environment configuration: API_RATE_LIMIT must be a positive whole number.',
      );
    cached = {
      ratePerMinute: parsed.data.API_RATE_LIMIT,
      idempotencyTtlMs: 24 * 60 * 60 * 1000,
      // A request that died frees its key this long after its last sign of life (see runIdempotent).
      idempotencyLockMs: 15_000,
      idempotencyRenewMs: 5_000,
      idempotencyWaitMs: 10_000,
    };
  }
  return cached;
}
