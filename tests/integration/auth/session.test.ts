import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createSession,
  invalidateSession,
  SESSION_LIFETIMES,
  validateSessionToken,
} from '../../../src/server/auth/session';
import { sha256Hex } from '../../../src/server/auth/tokens';
import { DAY, HOUR } from '../../../src/lib/time';
import { createTestDb, type TestDb } from '../../helpers/test-db';
import { makePartner, makeUser } from '../../helpers/fixtures';

let t: TestDb;
let partnerUser: { id: string };
let adminUser: { id: string };

beforeAll(async () => {
  t = await createTestDb();
  const partnerId = await makePartner(t.db, 'Session Partner');
  partnerUser = await makeUser(t.db, { role: 'partner_rep', partnerId });
  adminUser = await makeUser(t.db, { role: 'admin' });
});
afterAll(() => t.cleanup());

const start = new Date('2026-03-01T09:00:00.000Z');
const later = (ms: number) => new Date(start.getTime() + ms);

describe('sessions', () => {
  it('stores only the SHA-256 of the secret, never the token', async () => {
    const { token } = await createSession(t.db, partnerUser.id, 'partner_rep', start);
    const [id, secret] = token.split('.');
    expect(secret!.length).toBeGreaterThanOrEqual(32); // 160 bits in base32
    const row = await t.db
      .selectFrom('sessions')
      .selectAll()
      .where('id', '=', id!)
      .executeTakeFirstOrThrow();
    expect(row.secret_hash).toBe(sha256Hex(secret!));
    const everything = JSON.stringify(await t.db.selectFrom('sessions').selectAll().execute());
    expect(everything).not.toContain(secret);
  });

  it('validates a good token and returns the user with their partner', async () => {
    const { token } = await createSession(t.db, partnerUser.id, 'partner_rep', start);
    const result = await validateSessionToken(t.db, token, later(HOUR));
    expect(result?.user.id).toBe(partnerUser.id);
    expect(result?.user.partner?.name).toBe('Session Partner');
  });

  it.each([
    [
      'a wrong secret',
      (token: string) => token.replace(/\.(.)/, (_m, c: string) => `.${c === 'a' ? 'b' : 'a'}`),
    ],
    ['no secret', (token: string) => token.split('.')[0]!],
    ['an unknown id', (token: string) => `zzzzzzzzzzzzzzzzzzzzzzzzzz.${token.split('.')[1]}`],
    ['garbage', () => 'not-a-token'],
    ['an absurdly long value', () => 'a'.repeat(5000)],
  ])('refuses %s', async (_label, mangle) => {
    const { token } = await createSession(t.db, partnerUser.id, 'partner_rep', start);
    expect(await validateSessionToken(t.db, mangle(token), later(1000))).toBeNull();
  });

  it('expires after the idle window and deletes the row', async () => {
    const { token } = await createSession(t.db, partnerUser.id, 'partner_rep', start);
    const id = token.split('.')[0]!;
    expect(
      await validateSessionToken(t.db, token, later(SESSION_LIFETIMES.partner.idleMs + 1)),
    ).toBeNull();
    expect(
      await t.db.selectFrom('sessions').select('id').where('id', '=', id).executeTakeFirst(),
    ).toBeUndefined();
  });

  it('slides: use after half the idle window pushes expiry forward', async () => {
    const { token, expiresAt } = await createSession(t.db, partnerUser.id, 'partner_rep', start);
    const early = await validateSessionToken(t.db, token, later(1 * DAY));
    expect(early?.session.renewed).toBe(false);
    expect(early?.session.expiresAt).toBe(expiresAt);
    const renewed = await validateSessionToken(t.db, token, later(5 * DAY));
    expect(renewed?.session.renewed).toBe(true);
    expect(renewed?.session.expiresAt).toBe(
      new Date(later(5 * DAY).getTime() + 7 * DAY).toISOString(),
    );
    // Without the renewal it would have died at day 7; with it, day 11 still works.
    expect(await validateSessionToken(t.db, token, later(11 * DAY))).not.toBeNull();
  });

  it('never slides past the absolute lifetime', async () => {
    const { token } = await createSession(t.db, partnerUser.id, 'partner_rep', start);
    for (let day = 4; day < 30; day += 4) {
      expect(await validateSessionToken(t.db, token, later(day * DAY))).not.toBeNull();
    }
    expect(await validateSessionToken(t.db, token, later(30 * DAY + 1))).toBeNull();
  });

  it('gives internal roles a shorter absolute lifetime than partner users', async () => {
    expect(SESSION_LIFETIMES.internal.absoluteMs).toBeLessThan(
      SESSION_LIFETIMES.partner.absoluteMs,
    );
    const admin = await createSession(t.db, adminUser.id, 'admin', start);
    const partner = await createSession(t.db, partnerUser.id, 'partner_rep', start);
    const at = later(SESSION_LIFETIMES.internal.absoluteMs + 1);
    // Keep the admin session busy so only the absolute limit can end it.
    for (let h = 3; h < 24; h += 3) await validateSessionToken(t.db, admin.token, later(h * HOUR));
    expect(await validateSessionToken(t.db, admin.token, at)).toBeNull();
    expect(await validateSessionToken(t.db, partner.token, at)).not.toBeNull();
  });

  it('signs out: an invalidated session no longer validates', async () => {
    const { token } = await createSession(t.db, partnerUser.id, 'partner_rep', start);
    const valid = await validateSessionToken(t.db, token, later(1000));
    await invalidateSession(t.db, valid!.session.id);
    expect(await validateSessionToken(t.db, token, later(2000))).toBeNull();
  });

  it('ends the sessions of a deactivated user', async () => {
    const user = await makeUser(t.db, { role: 'executive' });
    const { token } = await createSession(t.db, user.id, 'executive', start);
    await t.db.updateTable('users').set({ is_active: 0 }).where('id', '=', user.id).execute();
    expect(await validateSessionToken(t.db, token, later(1000))).toBeNull();
  });
});
