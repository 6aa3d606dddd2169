import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sha256Hex } from '../../../src/server/auth/tokens';
import { canonicalJson } from '../../../src/server/partner-api/idempotency';
import { apiSettings } from '../../../src/server/partner-api/settings';
import type { Db } from '../../../src/server/db';
import { api, newKey, serverDb } from '../../helpers/api';
import { dealInput } from '../../helpers/portal';

/**
 * A request holding an Idempotency-Key whose process died: its claim row stays `in_progress`
 * with the lock its request last renewed. These tests write that row as the dead request left
 * it, then send the retry a CRM would.
 */
let db: Db;
let key: string;
let apiKeyId: string;
beforeAll(async () => {
  db = serverDb();
  ({ key, id: apiKeyId } = await newKey(db, 'ana@northwind.test', 'idempotency-crash'));
});
afterAll(() => db.destroy());

async function leaveDeadClaim(idemKey: string, body: unknown, diedAt: Date) {
  const lockMs = apiSettings().idempotencyLockMs;
  await db
    .insertInto('idempotency_keys')
    .values({
      api_key_id: apiKeyId,
      idem_key: idemKey,
      operation: 'POST /api/v1/deals',
      // What the server hashes: the body as JSON parsed it (undefined fields gone).
      request_hash: sha256Hex(
        `POST /api/v1/deals\n${canonicalJson(JSON.parse(JSON.stringify(body)))}`,
      ),
      state: 'in_progress',
      response_status: null,
      response_body: null,
      locked_until: new Date(diedAt.getTime() + lockMs).toISOString(),
      created_at: diedAt.toISOString(),
      expires_at: new Date(diedAt.getTime() + 86_400_000).toISOString(),
    })
    .execute();
}

describe('an Idempotency-Key whose first request died', () => {
  it('is free again once the lock of the request that died has run out (15 s), and the retry runs', async () => {
    const body = dealInput();
    await leaveDeadClaim('crash-released-1', body, new Date(Date.now() - 16_000));
    const retry = await api('/deals', key, {
      method: 'POST',
      body,
      headers: { 'idempotency-key': 'crash-released-1' },
    });
    expect(retry.status).toBe(201);
    expect(retry.headers.get('idempotent-replayed')).toBeNull();
    const again = await api('/deals', key, {
      method: 'POST',
      body,
      headers: { 'idempotency-key': 'crash-released-1' },
    });
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
  });

  it('while its lock still runs, a retry waits, then gets 409 with the seconds left in Retry-After', async () => {
    const body = dealInput();
    await leaveDeadClaim('crash-locked-1', body, new Date());
    const retry = await api('/deals', key, {
      method: 'POST',
      body,
      headers: { 'idempotency-key': 'crash-locked-1' },
    });
    expect(retry.status).toBe(409);
    const seconds = Number(retry.headers.get('retry-after'));
    // The wait is 10 s of a 15 s lock: about 5 seconds are left, never more than the lock.
    expect(seconds).toBeGreaterThanOrEqual(1);
    expect(seconds).toBeLessThanOrEqual(15);
    expect(seconds).toBeGreaterThan(1);
  }, 30_000);
});
