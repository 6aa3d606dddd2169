import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { partnerApplicationInput } from '../../../src/server/partners/application-schema';
import { applyToPartnerProgram } from '../../../src/server/partners/apply';
import {
  approvePartnerApplication,
  getPartnerApplication,
  rejectPartnerApplication,
} from '../../../src/server/partners/review';
import { acceptInvitation } from '../../../src/server/partners/invitations';
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
      { visitorId: 'v-apply' },
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
      { visitorId: 'v2' },
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
