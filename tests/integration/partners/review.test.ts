import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { partnerApplicationInput } from '../../../src/server/partners/application-schema';
import { applyToPartnerProgram } from '../../../src/server/partners/apply';
import {
  approvePartnerApplication,
  getPartnerApplication,
  rejectPartnerApplication,
} from '../../../src/server/partners/review';
import { acceptInvitation } from '../../../src/server/partners/invitations';
import { createDatabase, type Db } from '../../../src/server/db';
import { makePortalWorld, type PortalWorld } from '../../helpers/portal';
import { createTestDb, type TestDb } from '../../helpers/test-db';

let t: TestDb;
let w: PortalWorld;
beforeAll(async () => {
  t = await createTestDb();
  w = await makePortalWorld(t.db);
});
afterAll(() => t.cleanup());

function application(name: string, email: string) {
  return partnerApplicationInput.parse({
    companyName: name,
    companyDomain: `${name.toLowerCase().replace(/\W+/g, '')}.test`,
    country: 'Netherlands',
    contactName: 'Noor',
    contactEmail: email,
    specialties: ['voice'],
  });
}

describe('partner applications review', () => {
  it('approval creates the company at the chosen tier and invites the applicant as partner admin', async () => {
    const { id } = await applyToPartnerProgram(
      t.db,
      application('Datum Systems', 'noor@datum.test'),
      { visitorId: 'v-apply', ip: '198.51.100.1' },
    );
    const event = await t.db
      .selectFrom('events')
      .select(['type', 'properties'])
      .where('visitor_id', '=', 'v-apply')
      .executeTakeFirstOrThrow();
    expect(event.type).toBe('application_submitted');
    await expect(
      approvePartnerApplication(t.db, w.anaA, id, { tier: 'silver' }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const { partnerId } = await approvePartnerApplication(t.db, w.channel, id, { tier: 'silver' });
    const partner = await t.db
      .selectFrom('partners')
      .selectAll()
      .where('id', '=', partnerId)
      .executeTakeFirstOrThrow();
    expect(partner).toMatchObject({ name: 'Datum Systems', tier: 'silver' });
    const invite = await t.db
      .selectFrom('outbox')
      .select('body_text')
      .where('to_address', '=', 'noor@datum.test')
      .where('category', '=', 'invitation')
      .executeTakeFirstOrThrow();
    const token = /\/invite\/([a-z2-9]+)/.exec(invite.body_text)?.[1];
    await acceptInvitation(t.db, token!, {
      name: 'Noor de Vries',
      password: 'a long enough password',
    });
    const user = await t.db
      .selectFrom('users')
      .selectAll()
      .where('email', '=', 'noor@datum.test')
      .executeTakeFirstOrThrow();
    expect(user).toMatchObject({ role: 'partner_admin', partner_id: partnerId });
    await expect(
      approvePartnerApplication(t.db, w.channel, id, { tier: 'gold' }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    const view = await getPartnerApplication(t.db, w.channel, id);
    expect(view.history.map((h) => h.action)).toEqual(['approve']);
  });

  it('rejection needs a reason, which the applicant receives', async () => {
    const { id } = await applyToPartnerProgram(
      t.db,
      application('Tiny Web Shop', 'owner@tiny.test'),
      { visitorId: 'v2', ip: '198.51.100.1' },
    );
    await expect(rejectPartnerApplication(t.db, w.channel, id, '  ')).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
    await rejectPartnerApplication(
      t.db,
      w.channel,
      id,
      'We only accept integrators with a production Relay deployment.',
    );
    const mail = await t.db
      .selectFrom('outbox')
      .select('body_text')
      .where('to_address', '=', 'owner@tiny.test')
      .where('subject', '=', 'Your partner application')
      .executeTakeFirstOrThrow();
    expect(mail.body_text).toContain('production Relay deployment');
    const row = await t.db
      .selectFrom('partner_applications')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: 'rejected', decided_by: w.channel.id });
  });
});

describe('two reviewers deciding the same application at once', () => {
  type Decision = 'approve' | 'reject';
  const decide = (db: Db, id: string, decision: Decision) =>
    decision === 'approve'
      ? approvePartnerApplication(db, w.channel, id, { tier: 'silver' })
      : rejectPartnerApplication(db, w.channel, id, 'Not a systems integrator.');

  const races: [Decision, Decision][] = [
    ['approve', 'approve'],
    ['approve', 'reject'],
    ['reject', 'approve'],
  ];
  it.each(races)('%s and %s on two connections: one commits, the other is a 409', async (a, b) => {
    const name = `Racing ${a} ${b} BV`;
    const email = `race-${a}-${b}@racing.test`;
    const { id } = await applyToPartnerProgram(t.db, application(name, email), {
      visitorId: `v-race-${a}-${b}`,
      ip: '198.51.100.2',
    });
    const other = createDatabase(t.url);
    let outcomes: PromiseSettledResult<unknown>[];
    try {
      // Both connections open before the race, so the two transactions overlap.
      await Promise.all([t.db, other].map((db) => sql`select 1`.execute(db)));
      outcomes = await Promise.allSettled([decide(t.db, id, a), decide(other, id, b)]);
    } finally {
      await other.destroy();
    }
    const failures = outcomes.filter((o) => o.status === 'rejected');
    expect(failures).toHaveLength(1);
    expect((failures[0] as PromiseRejectedResult).reason).toMatchObject({ code: 'CONFLICT' });
    const winner = outcomes[0]!.status === 'fulfilled' ? a : b;
    const row = await t.db
      .selectFrom('partner_applications')
      .select(['status', 'partner_id'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row.status).toBe(winner === 'approve' ? 'approved' : 'rejected');
    const partners = await t.db
      .selectFrom('partners')
      .select('id')
      .where('name', '=', name)
      .execute();
    expect(partners.map((p) => p.id)).toEqual(row.partner_id ? [row.partner_id] : []);
    const mail = await t.db
      .selectFrom('outbox')
      .select('category')
      .where('to_address', '=', email)
      .where('category', 'in', ['invitation', 'partner_application'])
      .execute();
    // The confirmation of the application, plus one decision e-mail.
    expect(mail.map((m) => m.category).sort()).toEqual(
      winner === 'approve'
        ? ['invitation', 'partner_application']
        : ['partner_application', 'partner_application'],
    );
    const view = await getPartnerApplication(t.db, w.channel, id);
    expect(view.history.map((h) => h.action)).toEqual([winner]);
  });
});
