import { hitLimit } from '../auth/rate-limit';
import type { DbOrTx } from '../db';
import { AppError } from '../errors';
import { apiSettings } from './settings';

export interface RateState {
  limit: number;
  remaining: number;
  resetSeconds: number;
}

/**
 * Per-key request quota: API_RATE_LIMIT per minute (default 600), or the key's own limit, in a
 * fixed window counted in the database, so it holds across processes. Over it: 429 with
 * Retry-After (seconds until the window ends).
 */
export async function hitApiRateLimit(
  db: DbOrTx,
  keyId: string,
  perKeyLimit: number | null,
  now: Date = new Date(),
): Promise<RateState> {
  const max = perKeyLimit ?? apiSettings().ratePerMinute;
  const state = await hitLimit(db, `api:${keyId}`, { max, windowMs: 60_000 }, now);
  const rate = {
    limit: max,
    remaining: Math.max(0, max - state.count),
    resetSeconds: state.retryAfterSeconds,
  };
  if (state.isExceeded) {
    throw Object.assign(
      new AppError(
        'TOO_MANY_REQUESTS',
        `This API key made more than ${max} requests this minute. Wait ${state.retryAfterSeconds} s.`,
        {
          retryAfterSeconds: state.retryAfterSeconds,
        },
      ),
      { rate },
    );
  }
  return rate;
}
