import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateSessionToken } from '../../../src/server/auth/session';
import { createDatabase } from '../../../src/server/db';
import { AppError } from '../../../src/server/errors';
import { login } from '../../../src/server/users/login';
import { MINUTE } from '../../../src/lib/time';
import { createTestDb, type TestDb } from '../../helpers/test-db';
import { makeUser, TEST_PASSWORD } from '../../helpers/fixtures';

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(() => t.cleanup());

async function failure(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe('login', () => {
  it('signs in with the right password, case-insensitively on the e-mail', async () => {
    const user = await makeUser(t.db, { role: 'executive' });
    const result = await login(t.db, {
      email: `  ${user.email.toUpperCase()} `,
      password: TEST_PASSWORD,
      ip: '10.0.0.1',
    });
    expect(result.user.id).toBe(user.id);
    expect(await validateSessionToken(t.db, result.token)).not.toBeNull();
  });

  it('gives the same message for a wrong password and an unknown e-mail', async () => {
    const user = await makeUser(t.db, { role: 'executive' });
    const wrong = await failure(
      login(t.db, { email: user.email, password: 'nope nope nope', ip: '10.0.0.2' }),
    );
    const unknown = await failure(
      login(t.db, { email: 'nobody@example.test', password: 'x', ip: '10.0.0.2' }),
    );
    expect(wrong.code).toBe('UNAUTHORIZED');
    expect(unknown.code).toBe('UNAUTHORIZED');
    expect(wrong.message).toBe(unknown.message);
  });

  it('refuses a deactivated account', async () => {
    const user = await makeUser(t.db, { role: 'executive', isActive: false });
    expect(
      (await failure(login(t.db, { email: user.email, password: TEST_PASSWORD, ip: '10.0.0.3' })))
        .code,
    ).toBe('UNAUTHORIZED');
  });

  it('locks an account after 10 failures in 10 minutes, even for the right password, then lets it in again', async () => {
    const user = await makeUser(t.db, { role: 'partner_admin' });
    const now = new Date('2026-05-01T10:00:00Z');
    for (let i = 0; i < 10; i++) {
      // Different IPs: the account limit alone must stop this.
      await failure(
        login(t.db, { email: user.email, password: `wrong-${i}`, ip: `10.1.0.${i}` }, now),
      );
    }
    const locked = await failure(
      login(t.db, { email: user.email, password: TEST_PASSWORD, ip: '10.1.1.1' }, now),
    );
    expect(locked.code).toBe('TOO_MANY_REQUESTS');
    expect(locked.retryAfterSeconds).toBeGreaterThan(0);
    expect(locked.message).toMatch(/Try again in \d+ minute/);
    const after = new Date(now.getTime() + 10 * MINUTE + 1000);
    const result = await login(
      t.db,
      { email: user.email, password: TEST_PASSWORD, ip: '10.1.1.1' },
      after,
    );
    expect(result.user.id).toBe(user.id);
  });

  it('a success clears the account counter', async () => {
    const user = await makeUser(t.db, { role: 'partner_admin' });
    const now = new Date('2026-05-02T10:00:00Z');
    for (let i = 0; i < 9; i++)
      await failure(login(t.db, { email: user.email, password: 'bad', ip: `10.2.0.${i}` }, now));
    await login(t.db, { email: user.email, password: TEST_PASSWORD, ip: '10.2.1.1' }, now);
    for (let i = 0; i < 9; i++)
      await failure(login(t.db, { email: user.email, password: 'bad', ip: `10.2.2.${i}` }, now));
    expect(
      (await login(t.db, { email: user.email, password: TEST_PASSWORD, ip: '10.2.3.1' }, now)).user
        .id,
    ).toBe(user.id);
  });

  it('limits one IP spraying many accounts', async () => {
    const now = new Date('2026-05-03T10:00:00Z');
    const ip = '10.3.0.1';
    for (let i = 0; i < 50; i++) {
      await failure(login(t.db, { email: `spray-${i}@example.test`, password: 'bad', ip }, now));
    }
    const user = await makeUser(t.db, { role: 'executive' });
    expect(
      (await failure(login(t.db, { email: user.email, password: TEST_PASSWORD, ip }, now))).code,
    ).toBe('TOO_MANY_REQUESTS');
    // Another address is not affected.
    expect(
      (await login(t.db, { email: user.email, password: TEST_PASSWORD, ip: '10.3.0.2' }, now)).user
        .id,
    ).toBe(user.id);
  });

  it('keeps the limit in the database, so a second process sees it', async () => {
    const user = await makeUser(t.db, { role: 'partner_rep' });
    const now = new Date('2026-05-04T10:00:00Z');
    const other = createDatabase(t.url);
    try {
      for (let i = 0; i < 5; i++)
        await failure(login(t.db, { email: user.email, password: 'bad', ip: `10.4.0.${i}` }, now));
      for (let i = 0; i < 5; i++)
        await failure(login(other, { email: user.email, password: 'bad', ip: `10.4.1.${i}` }, now));
      expect(
        (
          await failure(
            login(t.db, { email: user.email, password: TEST_PASSWORD, ip: '10.4.2.1' }, now),
          )
        ).code,
      ).toBe('TOO_MANY_REQUESTS');
    } finally {
      await other.destroy();
    }
  });
});

describe('login limits under parallel guessing', () => {
  it('refuses guesses sent all at once beyond the account limit', async () => {
    const user = await makeUser(t.db, { role: 'partner_rep' });
    const now = new Date('2026-05-05T10:00:00Z');
    const results = await Promise.allSettled(
      Array.from({ length: 15 }, (_, i) =>
        login(t.db, { email: user.email, password: `guess-${i}`, ip: `10.5.0.${i}` }, now),
      ),
    );
    const codes = results.map((r) =>
      r.status === 'rejected' ? (r.reason as AppError).code : 'OK',
    );
    expect(codes.filter((c) => c === 'UNAUTHORIZED')).toHaveLength(10);
    expect(codes.filter((c) => c === 'TOO_MANY_REQUESTS')).toHaveLength(5);
  });
});
