import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAuditLog } from '../../../src/server/audit/operations/list-audit-log';
import type { Actor } from '../../../src/server/auth/actor';
import { validateSessionToken } from '../../../src/server/auth/session';
import { AppError } from '../../../src/server/errors';
import { runOperation, type RequestFacts } from '../../../src/server/operations/operation';
import { signIn } from '../../../src/server/users/operations/sign-in';
import { signOut } from '../../../src/server/users/operations/sign-out';
import { createTestDb, type TestDb } from '../../helpers/test-db';
import { makePartner, makeUser, TEST_PASSWORD } from '../../helpers/fixtures';
import { callTrpc } from '../../helpers/trpc';

let t: TestDb;
let rep: Actor;
let channel: Actor;
beforeAll(async () => {
  t = await createTestDb();
  const partnerId = await makePartner(t.db, 'Ops Partner');
  const repRow = await makeUser(t.db, { role: 'partner_rep', partnerId, name: 'Rep' });
  rep = { ...repRow, name: 'Rep', role: 'partner_rep', partner: { id: partnerId, name: 'Ops' } };
  const channelRow = await makeUser(t.db, { role: 'channel_manager', name: 'Chan' });
  channel = { ...channelRow, name: 'Chan', role: 'channel_manager', partner: null };
});
afterAll(() => t.cleanup());

const fromIp = (clientIp: string): RequestFacts => ({ clientIp, visitor: null });

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe('users.signIn', () => {
  it('returns the new session (the adapter makes it the cookie) and counts per client address', async () => {
    const user = await makeUser(t.db, { role: 'executive' });
    const result = await runOperation(
      signIn,
      { db: t.db, principal: null, request: fromIp('10.9.0.1') },
      { email: user.email, password: TEST_PASSWORD },
    );
    expect(result.user.id).toBe(user.id);
    expect(await validateSessionToken(t.db, result.token)).not.toBeNull();
  });

  it('keeps the refusals of login: one message for a wrong password, 429 after ten', async () => {
    const user = await makeUser(t.db, { role: 'executive' });
    const attempt = (password: string) =>
      runOperation(
        signIn,
        { db: t.db, principal: null, request: fromIp('10.9.0.2') },
        { email: user.email, password },
      );
    const wrong = await refusal(attempt('not the password'));
    expect(wrong.code).toBe('UNAUTHORIZED');
    expect(wrong.message).toBe('That e-mail and password do not match an account.');
    for (let i = 0; i < 9; i++) await refusal(attempt(`bad-${i}`));
    const locked = await refusal(attempt(TEST_PASSWORD));
    expect(locked.code).toBe('TOO_MANY_REQUESTS');
    expect(locked.retryAfterSeconds).toBeGreaterThan(0);
  });

  it('cannot run without the request it serves (the client address is never input)', async () => {
    const user = await makeUser(t.db, { role: 'executive' });
    await expect(
      runOperation(
        signIn,
        { db: t.db, principal: null },
        {
          email: user.email,
          password: TEST_PASSWORD,
        },
      ),
    ).rejects.toThrow('needs the request');
  });
});

describe('users.signOut', () => {
  it('ends the session whose token the caller holds, and only that one', async () => {
    const user = await makeUser(t.db, { role: 'executive' });
    const signInOnce = () =>
      runOperation(
        signIn,
        { db: t.db, principal: null, request: fromIp('10.9.0.3') },
        { email: user.email, password: TEST_PASSWORD },
      );
    const first = await signInOnce();
    const second = await signInOnce();
    const ended = await runOperation(
      signOut,
      { db: t.db, principal: null },
      { sessionToken: first.token },
    );
    expect(ended).toEqual({ hadSession: true });
    expect(await validateSessionToken(t.db, first.token)).toBeNull();
    expect(await validateSessionToken(t.db, second.token)).not.toBeNull();
  });

  it('a forged token (right id, wrong secret) ends nothing', async () => {
    const user = await makeUser(t.db, { role: 'executive' });
    const session = await runOperation(
      signIn,
      { db: t.db, principal: null, request: fromIp('10.9.0.4') },
      { email: user.email, password: TEST_PASSWORD },
    );
    const forged = `${session.token.split('.')[0]}.${'a'.repeat(32)}`;
    expect(
      await runOperation(signOut, { db: t.db, principal: null }, { sessionToken: forged }),
    ).toEqual({ hadSession: false });
    expect(await validateSessionToken(t.db, session.token)).not.toBeNull();
  });
});

describe('review.audit: the same refusal over tRPC and run as an operation', () => {
  it('refuses a partner user with the same code and message on both', async () => {
    const viaTrpc = await callTrpc(t.db, rep, 'review.audit', {});
    const direct = await refusal(runOperation(listAuditLog, { db: t.db, principal: rep }, {}));
    expect(direct.code).toBe('FORBIDDEN');
    expect(viaTrpc.status).toBe(403);
    expect(viaTrpc.body.error.message).toBe(direct.message);
  });

  it('names an unknown filter by path on both', async () => {
    const input = { entityType: 'deal', tenant: 'x' };
    const viaTrpc = await callTrpc(t.db, channel, 'review.audit', input);
    const direct = await refusal(
      runOperation(listAuditLog, { db: t.db, principal: channel }, input),
    );
    expect(viaTrpc.status).toBe(400);
    expect(direct.issues).toEqual([{ path: 'tenant', message: 'Unknown field; remove it.' }]);
    expect(viaTrpc.body.error.data.issues).toEqual(direct.issues);
  });

  it('lists for a channel manager', async () => {
    const viaTrpc = await callTrpc(t.db, channel, 'review.audit', {});
    expect(viaTrpc.status).toBe(200);
    expect(viaTrpc.body.result.data).toEqual(
      await runOperation(listAuditLog, { db: t.db, principal: channel }, {}),
    );
  });
});

describe('auth.me', () => {
  it('answers exactly the user fields, never an API key’s details', async () => {
    const keyActor: Actor = { ...rep, apiKey: { id: 'k1', prefix: 'chasm_x' } };
    const { body } = await callTrpc(t.db, keyActor, 'auth.me');
    expect(Object.keys(body.result.data).sort()).toEqual([
      'email',
      'id',
      'name',
      'partner',
      'role',
    ]);
  });
});
