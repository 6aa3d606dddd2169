import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionUser } from '../../../src/server/auth/session';
import { createTestDb, type TestDb } from '../../helpers/test-db';
import { makePartner, makeUser } from '../../helpers/fixtures';
import { callTrpc } from '../../helpers/trpc';

let t: TestDb;
const users: Record<string, SessionUser> = {};

beforeAll(async () => {
  t = await createTestDb();
  const partnerId = await makePartner(t.db, 'Trpc Partner');
  for (const role of [
    'admin',
    'channel_manager',
    'executive',
    'partner_admin',
    'partner_rep',
  ] as const) {
    const isPartner = role.startsWith('partner');
    const u = await makeUser(t.db, {
      role,
      partnerId: isPartner ? partnerId : null,
      name: `The ${role}`,
    });
    users[role] = {
      id: u.id,
      email: u.email,
      name: `The ${role}`,
      role,
      partner: isPartner ? { id: partnerId, name: 'Trpc Partner' } : null,
    };
  }
});
afterAll(() => t.cleanup());

describe('auth.me', () => {
  it('returns null for a visitor', async () => {
    const { status, body } = await callTrpc(t.db, null, 'auth.me');
    expect(status).toBe(200);
    expect(body.result.data).toBeNull();
  });

  it('returns exactly id, email, name, role and partner', async () => {
    const { body } = await callTrpc(t.db, users.partner_rep!, 'auth.me');
    expect(body.result.data).toEqual({
      id: users.partner_rep!.id,
      email: users.partner_rep!.email,
      name: 'The partner_rep',
      role: 'partner_rep',
      partner: { id: users.partner_rep!.partner!.id, name: 'Trpc Partner' },
    });
    expect((await callTrpc(t.db, users.executive!, 'auth.me')).body.result.data.partner).toBeNull();
  });
});

describe('role guards', () => {
  it.each([
    [null, 401, 'UNAUTHORIZED'],
    ['admin', 403, 'FORBIDDEN'],
    ['channel_manager', 403, 'FORBIDDEN'],
    ['executive', 403, 'FORBIDDEN'],
    ['partner_rep', 403, 'FORBIDDEN'],
  ] as const)('team.invite as %s → %i', async (role, status, code) => {
    const user = role ? users[role]! : null;
    const result = await callTrpc(
      t.db,
      user,
      'team.invite',
      { email: `x-${role}@example.test`, role: 'partner_rep' },
      'POST',
    );
    expect(result.status).toBe(status);
    expect(result.body.error.data.code).toBe(code);
  });

  it('team.list is partner-scoped: partners see their team, internal roles are refused', async () => {
    const ok = await callTrpc(t.db, users.partner_rep!, 'team.list');
    expect(ok.status).toBe(200);
    expect(ok.body.result.data.members.length).toBe(2);
    expect((await callTrpc(t.db, users.admin!, 'team.list')).status).toBe(403);
  });
});

describe('error shape', () => {
  it('turns Zod issues into field paths and messages', async () => {
    const { status, body } = await callTrpc(
      t.db,
      users.partner_admin!,
      'team.invite',
      { email: 'nope', role: 'boss' },
      'POST',
    );
    expect(status).toBe(400);
    expect(body.error.message).toBe('Some fields need attention.');
    expect(body.error.data.code).toBe('BAD_REQUEST');
    expect(body.error.data.issues).toEqual([
      { path: 'email', message: 'Enter an e-mail address like name@company.com.' },
      { path: 'role', message: expect.stringContaining('partner_admin') },
    ]);
    expect(body.error.data.stack).toBeUndefined();
  });

  it('refuses unknown fields', async () => {
    const { status, body } = await callTrpc(
      t.db,
      users.partner_admin!,
      'team.invite',
      { email: 'a@example.test', role: 'partner_rep', partnerId: 'someone-else' },
      'POST',
    );
    expect(status).toBe(400);
    // The field is named by its path, the same shape the partner API and the forms use.
    expect(body.error.data.issues).toEqual([
      { path: 'partnerId', message: 'Unknown field; remove it.' },
    ]);
  });

  it('maps an AppError from a service to its status and message', async () => {
    const { status, body } = await callTrpc(
      t.db,
      users.partner_admin!,
      'team.invite',
      { email: users.partner_rep!.email, role: 'partner_rep' },
      'POST',
    );
    expect(status).toBe(409);
    expect(body.error.data.code).toBe('CONFLICT');
    expect(body.error.data.issues).toEqual([
      { path: 'email', message: 'This address already has an account.' },
    ]);
  });

  it('answers malformed JSON with 400 and a readable message', async () => {
    const { status, body } = await callTrpc(
      t.db,
      users.partner_admin!,
      'team.invite',
      undefined,
      'POST',
      '{"email":',
    );
    expect(status).toBe(400);
    expect(body.error.message).toMatch(/JSON|input/i);
  });

  it('answers an unknown procedure with 404', async () => {
    const { status, body } = await callTrpc(t.db, null, 'auth.nothing');
    expect(status).toBe(404);
    expect(body.error.data.code).toBe('NOT_FOUND');
  });
});
