import type { DbOrTx } from '../db';

export interface IdempotencyClaim {
  apiKeyId: string;
  key: string;
  operation: string;
  requestHash: string;
  nowIso: string;
  lockedUntil: string;
  expiresAt: string;
}

/** Inserts the in-progress record; false when the key is already taken (the unique key decides). */
export async function insertClaim(db: DbOrTx, claim: IdempotencyClaim): Promise<boolean> {
  const result = await db
    .insertInto('idempotency_keys')
    .values({
      api_key_id: claim.apiKeyId,
      idem_key: claim.key,
      operation: claim.operation,
      request_hash: claim.requestHash,
      state: 'in_progress',
      response_status: null,
      response_body: null,
      locked_until: claim.lockedUntil,
      created_at: claim.nowIso,
      expires_at: claim.expiresAt,
    })
    .onConflict((oc) => oc.columns(['api_key_id', 'idem_key']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

export async function findClaim(db: DbOrTx, apiKeyId: string, key: string) {
  return db
    .selectFrom('idempotency_keys')
    .selectAll()
    .where('api_key_id', '=', apiKeyId)
    .where('idem_key', '=', key)
    .executeTakeFirst();
}

/** Takes over a record whose holder died (lock expired) or that outlived its retention. */
export async function takeOverClaim(
  db: DbOrTx,
  claim: IdempotencyClaim,
  previousLock: string | null,
  previousState: string,
): Promise<boolean> {
  let query = db
    .updateTable('idempotency_keys')
    .set({
      operation: claim.operation,
      request_hash: claim.requestHash,
      state: 'in_progress',
      response_status: null,
      response_body: null,
      locked_until: claim.lockedUntil,
      created_at: claim.nowIso,
      expires_at: claim.expiresAt,
    })
    .where('api_key_id', '=', claim.apiKeyId)
    .where('idem_key', '=', claim.key)
    .where('state', '=', previousState as 'in_progress' | 'done');
  query =
    previousLock === null
      ? query.where('locked_until', 'is', null)
      : query.where('locked_until', '=', previousLock);
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function completeClaim(
  db: DbOrTx,
  apiKeyId: string,
  key: string,
  status: number,
  body: string,
): Promise<void> {
  await db
    .updateTable('idempotency_keys')
    .set({ state: 'done', response_status: status, response_body: body, locked_until: null })
    .where('api_key_id', '=', apiKeyId)
    .where('idem_key', '=', key)
    .execute();
}

/** Moves an in-progress claim's lock on while its request still runs. */
export async function renewClaim(
  db: DbOrTx,
  apiKeyId: string,
  key: string,
  lockedUntil: string,
): Promise<void> {
  await db
    .updateTable('idempotency_keys')
    .set({ locked_until: lockedUntil })
    .where('api_key_id', '=', apiKeyId)
    .where('idem_key', '=', key)
    .where('state', '=', 'in_progress')
    .execute();
}

export async function releaseClaim(db: DbOrTx, apiKeyId: string, key: string): Promise<void> {
  await db
    .deleteFrom('idempotency_keys')
    .where('api_key_id', '=', apiKeyId)
    .where('idem_key', '=', key)
    .where('state', '=', 'in_progress')
    .execute();
}

export async function deleteExpiredClaims(db: DbOrTx, nowIso: string): Promise<number> {
  const result = await db
    .deleteFrom('idempotency_keys')
    .where('expires_at', '<', nowIso)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
