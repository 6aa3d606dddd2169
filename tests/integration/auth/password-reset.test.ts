import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSession, validateSessionToken } from '../../../src/server/auth/session';
import { AppError } from '../../../src/server/errors';
import { login } from '../../../src/server/users/login';
import {
  isResetTokenUsable,
  requestPasswordReset,
  resetPassword,
} from '../../../src/server/users/password-reset';
import { HOUR } from '../../../src/lib/time';
import { createTestDb, type TestDb } from '../../helpers/test-db';
import { makeUser } from '../../helpers/fixtures';

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(() => t.cleanup());

async function latestResetMail(to: string) {
  return t.db
    .selectFrom('outbox')
    .selectAll()
    .where('to_address', '=', to)
    .where('category', '=', 'password_reset')
    .orderBy('created_at', 'desc')
    .executeTakeFirst();
}

function tokenFrom(text: string): string {
  const match = /\/reset-password\/([a-z2-9]+)/.exec(text);
  if (!match?.[1]) throw new Error(`no reset link in: ${text}`);
  return match[1];
}

describe('password reset', () => {
  it('e-mails a one-hour link through the outbox and stores only its hash', async () => {
    const user = await makeUser(t.db, { role: 'partner_rep' });
    const now = new Date('2026-06-01T08:00:00Z');
    await requestPasswordReset(t.db, user.email.toUpperCase(), now);
    const mail = await latestResetMail(user.email);
    expect(mail?.status).toBe('pending');
    const token = tokenFrom(mail!.body_text);
    const rows = await t.db
      .selectFrom('password_resets')
      .selectAll()
      .where('user_id', '=', user.id)
      .execute();
    expect(JSON.stringify(rows)).not.toContain(token);
    expect(await isResetTokenUsable(t.db, token, new Date(now.getTime() + HOUR - 1000))).toBe(true);
    expect(await isResetTokenUsable(t.db, token, new Date(now.getTime() + HOUR + 1000))).toBe(
      false,
    );
  });

  it('sends nothing for an unknown address, without saying so', async () => {
    await expect(requestPasswordReset(t.db, 'ghost@example.test')).resolves.toBeUndefined();
    expect(await latestResetMail('ghost@example.test')).toBeUndefined();
  });

  it('sets the new password once and signs the user out everywhere', async () => {
    const user = await makeUser(t.db, { role: 'partner_rep' });
    const old = await createSession(t.db, user.id, 'partner_rep');
    await requestPasswordReset(t.db, user.email);
    const token = tokenFrom((await latestResetMail(user.email))!.body_text);

    await resetPassword(t.db, token, 'a brand new passphrase');
    expect(await validateSessionToken(t.db, old.token)).toBeNull();
    const result = await login(t.db, {
      email: user.email,
      password: 'a brand new passphrase',
      ip: '10.9.0.1',
    });
    expect(result.user.id).toBe(user.id);

    const again = await resetPassword(t.db, token, 'another passphrase!').catch((e: unknown) => e);
    expect(again).toBeInstanceOf(AppError);
    expect((again as AppError).code).toBe('NOT_FOUND');
  });

  it('refuses an expired link', async () => {
    const user = await makeUser(t.db, { role: 'partner_rep' });
    const now = new Date('2026-06-02T08:00:00Z');
    await requestPasswordReset(t.db, user.email, now);
    const token = tokenFrom((await latestResetMail(user.email))!.body_text);
    const error = await resetPassword(
      t.db,
      token,
      'too late password',
      new Date(now.getTime() + 2 * HOUR),
    ).catch((e: unknown) => e);
    expect((error as AppError).code).toBe('NOT_FOUND');
  });

  it('sends at most 5 reset e-mails an hour to one address', async () => {
    const user = await makeUser(t.db, { role: 'partner_rep' });
    const now = new Date('2026-06-03T08:00:00Z');
    for (let i = 0; i < 8; i++) await requestPasswordReset(t.db, user.email, now);
    const count = await t.db
      .selectFrom('outbox')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('to_address', '=', user.email)
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(5);
  });
});
