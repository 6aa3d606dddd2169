import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionUser } from '../../../src/server/auth/session';
import { AppError } from '../../../src/server/errors';
import { createLead, type NewLeadInput } from '../../../src/server/leads/create';
import { inboxFilterInput, listInbox, recordLeadResponse } from '../../../src/server/leads/inbox';
import { makePartner, makeUser } from '../../helpers/fixtures';
import { createTestDb, type TestDb } from '../../helpers/test-db';

let t: TestDb;
let channel: SessionUser;
let partnerUser: SessionUser;
beforeAll(async () => {
  t = await createTestDb();
  const c = await makeUser(t.db, { role: 'channel_manager' });
  channel = { id: c.id, email: c.email, name: 'Chen', role: 'channel_manager', partner: null };
  const partnerId = await makePartner(t.db);
  const p = await makeUser(t.db, { role: 'partner_admin', partnerId });
  partnerUser = {
    id: p.id,
    email: p.email,
    name: 'Pat',
    role: 'partner_admin',
    partner: { id: partnerId, name: 'P' },
  };
});
afterAll(() => t.cleanup());

let n = 0;
function lead(persona: string, overrides: Partial<NewLeadInput> = {}): NewLeadInput {
  n++;
  return {
    submissionKey: `key-${n}-${Date.now()}`,
    flowId: persona,
    persona,
    name: `Lead ${n}`,
    email: `lead${n}@acme.test`,
    company: 'Acme',
    companyDomain: 'acme.test',
    answers: {},
    visitorId: `v${n}`,
    utm: { source: null, medium: null, campaign: null },
    referralCode: null,
    isSalesLead: true,
    ...overrides,
  };
}
const create = (input: NewLeadInput, now: Date) =>
  t.db.transaction().execute((trx) => createLead(trx, input, now));

describe('lead assignment', () => {
  it('gives each contact-centre lead to the owner with the fewest waiting leads', async () => {
    const now = new Date('2026-11-24T09:00:00.000Z');
    const first = await create(lead('contact-center'), now);
    const second = await create(lead('contact-center'), now);
    expect([first.owner?.key, second.owner?.key].sort()).toEqual(['hannah-becker', 'maya-okafor']);
    expect(first.responseDueAt).toBe('2026-11-24T09:05:00.000Z');
  });
});

describe('recording a response', () => {
  it('records the first response with the lead_responded event, and refuses a second', async () => {
    const created = new Date('2026-11-24T10:00:00.000Z');
    const { id } = await create(lead('developers', { visitorId: 'visitor-respond' }), created);
    const result = await recordLeadResponse(
      t.db,
      channel,
      { leadId: id, channel: 'phone', note: 'Called, booked a demo' },
      new Date('2026-11-24T10:03:30.000Z'),
    );
    expect(result.responseSeconds).toBe(210);
    const row = await t.db
      .selectFrom('leads')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      first_response_at: '2026-11-24T10:03:30.000Z',
      responded_by: channel.id,
      response_channel: 'phone',
    });
    const event = await t.db
      .selectFrom('events')
      .selectAll()
      .where('type', '=', 'lead_responded')
      .where('visitor_id', '=', 'visitor-respond')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(event.properties)).toMatchObject({
      leadId: id,
      responseSeconds: 210,
      isWithinDeadline: true,
      channel: 'phone',
    });
    expect(event.user_id).toBe(channel.id);

    const again = recordLeadResponse(
      t.db,
      channel,
      { leadId: id, channel: 'email' },
      new Date('2026-11-24T11:00:00.000Z'),
    );
    await expect(again).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(
      (
        await t.db
          .selectFrom('events')
          .select('id')
          .where('visitor_id', '=', 'visitor-respond')
          .execute()
      ).length,
    ).toBe(1);
  });

  it('marks a late response as outside the deadline', async () => {
    const { id } = await create(
      lead('developers', { visitorId: 'visitor-late' }),
      new Date('2026-11-24T10:00:00.000Z'),
    );
    await recordLeadResponse(
      t.db,
      channel,
      { leadId: id, channel: 'email' },
      new Date('2026-11-24T10:40:00.000Z'),
    );
    const event = await t.db
      .selectFrom('events')
      .select('properties')
      .where('visitor_id', '=', 'visitor-late')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(event.properties).isWithinDeadline).toBe(false);
  });

  it('is for admins and channel managers only, and 404s an unknown lead', async () => {
    const { id } = await create(lead('developers'), new Date());
    await expect(
      recordLeadResponse(t.db, partnerUser, { leadId: id, channel: 'phone' }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(
      recordLeadResponse(t.db, null, { leadId: id, channel: 'phone' }),
    ).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    await expect(
      recordLeadResponse(t.db, channel, { leadId: 'nope', channel: 'phone' }),
    ).rejects.toBeInstanceOf(AppError);
  });
});

describe('the inbox', () => {
  it('separates overdue from waiting leads and searches safely', async () => {
    const now = new Date('2026-11-25T12:00:00.000Z');
    await create(
      lead('executives', { name: 'Overdue Olga', company: '100% Pure' }),
      new Date('2026-11-25T11:00:00.000Z'),
    );
    await create(
      lead('executives', { name: 'Waiting Walt' }),
      new Date('2026-11-25T11:58:00.000Z'),
    );
    const list = async (status: string, search?: string) =>
      (
        await listInbox(
          t.db,
          channel,
          inboxFilterInput.parse({ status, persona: 'executives', search }),
          now,
        )
      ).leads.map((l) => l.name);
    expect(await list('overdue')).toContain('Overdue Olga');
    expect(await list('overdue')).not.toContain('Waiting Walt');
    expect(await list('waiting')).toEqual(['Waiting Walt']);
    expect(await list('all', '100%')).toEqual(['Overdue Olga']);
    // % and _ are matched literally, not as wildcards.
    expect(await list('all', '%')).toEqual(['Overdue Olga']);
    expect(await list('all', 'P_re')).toEqual([]);
    await expect(
      listInbox(t.db, partnerUser, inboxFilterInput.parse({}), now),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});
