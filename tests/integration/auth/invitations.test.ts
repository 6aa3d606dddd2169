import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateSessionToken, type SessionUser } from '../../../src/server/auth/session';
import { AppError } from '../../../src/server/errors';
import {
  acceptInvitation,
  inviteColleague,
  listTeam,
} from '../../../src/server/partners/invitations';
import { DAY } from '../../../src/lib/time';
import { createTestDb, type TestDb } from '../../helpers/test-db';
import { makePartner, makeUser } from '../../helpers/fixtures';

let t: TestDb;
let admin: SessionUser;
let rep: SessionUser;
let otherAdmin: SessionUser;

beforeAll(async () => {
  t = await createTestDb();
  const partnerId = await makePartner(t.db, 'Inviting Co');
  const otherId = await makePartner(t.db, 'Other Co');
  const a = await makeUser(t.db, { role: 'partner_admin', partnerId });
  const r = await makeUser(t.db, { role: 'partner_rep', partnerId });
  const o = await makeUser(t.db, { role: 'partner_admin', partnerId: otherId });
  admin = {
    id: a.id,
    email: a.email,
    name: 'A',
    role: 'partner_admin',
    partner: { id: partnerId, name: 'Inviting Co' },
  };
  rep = {
    id: r.id,
    email: r.email,
    name: 'R',
    role: 'partner_rep',
    partner: { id: partnerId, name: 'Inviting Co' },
  };
  otherAdmin = {
    id: o.id,
    email: o.email,
    name: 'O',
    role: 'partner_admin',
    partner: { id: otherId, name: 'Other Co' },
  };
});
afterAll(() => t.cleanup());

const code = async (p: Promise<unknown>) => ((await p.catch((e: unknown) => e)) as AppError).code;

describe('invitations', () => {
  it('a partner admin invites; the link creates an account in the inviting company', async () => {
    const { token } = await inviteColleague(t.db, admin, {
      email: 'New.Person@Example.test',
      role: 'partner_rep',
    });
    const mail = await t.db
      .selectFrom('outbox')
      .selectAll()
      .where('to_address', '=', 'new.person@example.test')
      .executeTakeFirst();
    expect(mail?.body_text).toContain(`/invite/${token}`);
    const session = await acceptInvitation(t.db, token, {
      name: 'New Person',
      password: 'long enough pass',
    });
    const valid = await validateSessionToken(t.db, session.token);
    expect(valid?.user.partner?.id).toBe(admin.partner?.id);
    expect(valid?.user.role).toBe('partner_rep');
  });

  it('a link works once', async () => {
    const { token } = await inviteColleague(t.db, admin, {
      email: 'once@example.test',
      role: 'partner_rep',
    });
    await acceptInvitation(t.db, token, { name: 'Once', password: 'long enough pass' });
    expect(
      await code(acceptInvitation(t.db, token, { name: 'Twice', password: 'long enough pass' })),
    ).toBe('NOT_FOUND');
  });

  it('a link expires after 7 days', async () => {
    const now = new Date('2026-07-01T00:00:00Z');
    const { token } = await inviteColleague(
      t.db,
      admin,
      { email: 'late@example.test', role: 'partner_rep' },
      now,
    );
    const late = new Date(now.getTime() + 7 * DAY + 1000);
    expect(
      await code(
        acceptInvitation(t.db, token, { name: 'Late', password: 'long enough pass' }, late),
      ),
    ).toBe('NOT_FOUND');
  });

  it('a partner rep cannot invite, and an internal role has no partner to invite into', async () => {
    expect(
      await code(inviteColleague(t.db, rep, { email: 'x@example.test', role: 'partner_rep' })),
    ).toBe('FORBIDDEN');
    const channel: SessionUser = {
      id: 'c',
      email: 'c@x',
      name: 'C',
      role: 'channel_manager',
      partner: null,
    };
    expect(
      await code(inviteColleague(t.db, channel, { email: 'y@example.test', role: 'partner_rep' })),
    ).toBe('FORBIDDEN');
    expect(
      await code(inviteColleague(t.db, null, { email: 'z@example.test', role: 'partner_rep' })),
    ).toBe('UNAUTHORIZED');
  });

  it('refuses an address that already has an account', async () => {
    expect(
      await code(inviteColleague(t.db, admin, { email: rep.email, role: 'partner_rep' })),
    ).toBe('CONFLICT');
  });

  it('a team list shows only the own company', async () => {
    await inviteColleague(t.db, otherAdmin, {
      email: 'other-invitee@example.test',
      role: 'partner_rep',
    });
    const team = await listTeam(t.db, admin);
    expect(team.members.every((m) => m.partner_id === admin.partner?.id)).toBe(true);
    expect(team.invitations.map((i) => i.email)).not.toContain('other-invitee@example.test');
    expect(JSON.stringify(team)).not.toContain('token_hash');
  });
});
