import type { DbOrTx } from '../db';
import { addMs, isoNow } from '../../lib/time';
import { countHit, decrementCounter, deleteCounter } from './rate-limit-repository';

/**
 * Fixed-window counters kept in the database, so a limit holds across processes and
 * restarts. One atomic upsert per hit: a window that has ended starts again at 1.
 */
export interface Limit {
  max: number;
  windowMs: number;
}

export interface LimitState {
  count: number;
  windowEndsAt: string;
  /** This hit went over the limit: refuse the request it counted. */
  isExceeded: boolean;
  retryAfterSeconds: number;
}

function toState(count: number, windowEndsAt: string, limit: Limit, now: Date): LimitState {
  const remainingMs = Math.max(0, Date.parse(windowEndsAt) - now.getTime());
  return {
    count,
    windowEndsAt,
    isExceeded: count > limit.max,
    retryAfterSeconds: Math.max(1, Math.ceil(remainingMs / 1000)),
  };
}

/** Counts one hit and returns the state after it. */
export async function hitLimit(
  db: DbOrTx,
  key: string,
  limit: Limit,
  now: Date = new Date(),
): Promise<LimitState> {
  const nowIso = isoNow(now);
  const windowEnd = addMs(nowIso, limit.windowMs);
  const row = await countHit(db, key, nowIso, windowEnd);
  return toState(row.count, row.window_ends_at, limit, now);
}

export async function resetLimit(db: DbOrTx, key: string): Promise<void> {
  await deleteCounter(db, key);
}

/** Gives back one hit counted in advance (a sign-in that turned out to be right). */
export async function refundLimit(db: DbOrTx, key: string): Promise<void> {
  await decrementCounter(db, key);
}
