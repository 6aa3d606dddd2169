import { sha256Hex } from '../auth/tokens';
import { addMs, isoNow } from '../../lib/time';
import type { DbOrTx } from '../db';
import { inTransaction } from '../transactions';
import { AppError, HTTP_STATUS, isAppError } from '../errors';
import { whileRenewing } from '../jobs/lease';
import * as repo from './idempotency-repository';
import { apiSettings } from './settings';

/** A response as the API sends it, storable for replay. */
export interface ApiResult {
  status: number;
  body: unknown;
}

export interface IdempotentOutcome extends ApiResult {
  replayed: boolean;
}

/** Sorted keys, so `{"a":1,"b":2}` and `{"b":2,"a":1}` are the same request. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) =>
      a < b ? -1 : a > b ? 1 : 0,
    );
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

export const IDEMPOTENCY_KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Idempotency-Key semantics (after the IETF draft "The Idempotency-Key HTTP Header Field",
 * https://datatracker.ietf.org/doc/draft-ietf-httpapi-idempotency-key-header/):
 *  - the first request with a key runs, and its response (success or client error) is kept
 *    for at least 24 hours;
 *  - the same key with the same body replays that response;
 *  - the same key with another body (or on another endpoint) is 422;
 *  - a second request while the first still runs waits for it (up to 10 s), then replays, so
 *    two concurrent requests create one deal; if it is still running after that, 409 with
 *    `Retry-After` (the seconds until the first request's lock runs out);
 *  - the first request holds its key with a 15-second lock it renews every 5 seconds while it
 *    runs, so a request whose process died frees its key 15 seconds after its last renewal.
 * The work and the stored response commit in one transaction, so a crash never leaves a deal
 * without its record; a 5xx releases the key so a retry can run.
 */
export async function runIdempotent(
  db: DbOrTx,
  scope: { apiKeyId: string; key: string; operation: string; body: unknown },
  run: (trx: DbOrTx) => Promise<ApiResult>,
  now: () => Date = () => new Date(),
): Promise<IdempotentOutcome> {
  if (!IDEMPOTENCY_KEY_PATTERN.test(scope.key)) {
    throw new AppError('BAD_REQUEST', 'Idempotency-Key must be 1 to 255 printable characters.', {
      issues: [
        { path: 'Idempotency-Key', message: 'Use 1 to 255 printable characters, such as a UUID.' },
      ],
    });
  }
  const settings = apiSettings();
  const requestHash = sha256Hex(`${scope.operation}\n${canonicalJson(scope.body)}`);
  const deadline = now().getTime() + settings.idempotencyWaitMs;
  for (;;) {
    const nowIso = isoNow(now());
    const claim: repo.IdempotencyClaim = {
      apiKeyId: scope.apiKeyId,
      key: scope.key,
      operation: scope.operation,
      requestHash,
      nowIso,
      lockedUntil: addMs(nowIso, settings.idempotencyLockMs),
      expiresAt: addMs(nowIso, settings.idempotencyTtlMs),
    };
    let owned = await repo.insertClaim(db, claim);
    if (!owned) {
      const existing = await repo.findClaim(db, scope.apiKeyId, scope.key);
      if (!existing) continue;
      const isStale =
        existing.expires_at <= nowIso ||
        (existing.state === 'in_progress' && (existing.locked_until ?? '') <= nowIso);
      if (isStale) {
        owned = await repo.takeOverClaim(db, claim, existing.locked_until, existing.state);
        if (!owned) continue;
      } else if (existing.request_hash !== requestHash) {
        throw new AppError(
          'UNPROCESSABLE',
          'This Idempotency-Key was already used with a different request. Use a new key for a new request.',
        );
      } else if (existing.state === 'done') {
        return {
          status: existing.response_status ?? 200,
          body: JSON.parse(existing.response_body ?? 'null'),
          replayed: true,
        };
      } else if (now().getTime() < deadline) {
        await sleep(50);
        continue;
      } else {
        const lockEnds = Date.parse(existing.locked_until ?? nowIso);
        throw new AppError(
          'CONFLICT',
          'A request with this Idempotency-Key is still being processed. Retry in a moment.',
          { retryAfterSeconds: Math.max(1, Math.ceil((lockEnds - now().getTime()) / 1000)) },
        );
      }
    }
    return whileRenewing(
      execute(db, scope, run),
      () =>
        repo.renewClaim(
          db,
          scope.apiKeyId,
          scope.key,
          addMs(isoNow(now()), settings.idempotencyLockMs),
        ),
      settings.idempotencyRenewMs,
    );
  }
}

async function execute(
  db: DbOrTx,
  scope: { apiKeyId: string; key: string },
  run: (trx: DbOrTx) => Promise<ApiResult>,
): Promise<IdempotentOutcome> {
  try {
    const result = await inTransaction(db, async (trx) => {
      const out = await run(trx);
      await repo.completeClaim(
        trx,
        scope.apiKeyId,
        scope.key,
        out.status,
        JSON.stringify(out.body),
      );
      return out;
    });
    return { ...result, replayed: false };
  } catch (error) {
    // A client error is the answer to this request: keep it, so a retry gets the same answer.
    if (isAppError(error) && error.code !== 'TOO_MANY_REQUESTS' && error.code !== 'UNAUTHORIZED') {
      const body = {
        error: {
          code: error.code,
          message: error.message,
          ...(error.issues ? { issues: error.issues } : {}),
        },
      };
      await repo.completeClaim(
        db,
        scope.apiKeyId,
        scope.key,
        HTTP_STATUS[error.code],
        JSON.stringify(body),
      );
    } else {
      await repo.releaseClaim(db, scope.apiKeyId, scope.key);
    }
    throw error;
  }
}
