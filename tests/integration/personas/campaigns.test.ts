import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../../src/lib/ids';
import { enrolLead } from '../../../src/server/campaigns/enrol';
import { describeUnsubscribe, unsubscribe } from '../../../src/server/campaigns/unsubscribe';
import { createDatabase } from '../../../src/server/db';
import { AppError } from '../../../src/server/errors';
import { deliverDueMail, type MailTransport } from '../../../src/server/mail/mailer';
import { createTestDb, type TestDb } from '../../helpers/test-db';

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(() => t.cleanup());

const T0 = new Date('2026-11-24T10:00:00.000Z');

async function makeLead(email: string): Promise<string> {
  const id = newId();
  await t.db
    .insertInto('leads')
    .values({
      id,
      submission_key: id,
      flow_id: 'executives',
      persona: 'executives',
      name: 'Eve Exec',
      email,
      company: 'Globex',
      company_domain: 'globex.test',
      answers: '{}',
      visitor_id: null,
      utm_source: null,
      utm_medium: null,
      utm_campaign: null,
      referral_code: null,
      owner_key: null,
      response_due_at: null,
      first_response_at: null,
      responded_by: null,
      response_channel: null,
      response_note: null,
      partner_application_id: null,
      created_at: T0.toISOString(),
      updated_at: T0.toISOString(),
    })
    .execute();
  return id;
}

function enrol(leadId: string, email: string, now = T0) {
  return enrolLead(
    t.db,
    {
      leadId,
      campaignId: 'executives-briefing',
      lead: {
        firstName: 'Eve',
        name: 'Eve Exec',
        email,
        company: 'Globex',
        companyDomain: 'globex.test',
      },
      owner: { name: 'Maya Okafor', title: 'Solutions engineer', email: 'maya@relay.test' },
    },
    now,
  );
}

const campaignMail = (email: string) =>
  t.db
    .selectFrom('outbox')
    .selectAll()
    .where('to_address', '=', email)
    .where('category', '=', 'campaign')
    .orderBy('send_after')
    .execute();

/** The unsubscribe token, as the recipient gets it: from the link in the e-mail. */
async function tokenFor(email: string): Promise<string> {
  const [first] = await campaignMail(email);
  return /\/unsubscribe\/([a-z0-9]+)/.exec(first!.body_text)![1]!;
}

describe('campaign enrolment', () => {
  it("schedules each e-mail at enrolment + its delay, with the lead's fields and an unsubscribe link", async () => {
    const lead = await makeLead('eve@globex.test');
    expect(await enrol(lead, 'eve@globex.test')).toMatchObject({ status: 'active', scheduled: 3 });
    const mail = await campaignMail('eve@globex.test');
    expect(mail.map((m) => m.send_after)).toEqual([
      '2026-11-24T10:00:00.000Z',
      '2026-11-27T10:00:00.000Z',
      '2026-12-01T10:00:00.000Z',
    ]);
    expect(mail.map((m) => m.status)).toEqual(['pending', 'pending', 'pending']);
    expect(mail[0]!.subject).toBe('Your business-case review, Eve');
    expect(mail[0]!.body_text).toContain('Globex');
    expect(JSON.parse(mail[0]!.headers!)['List-Unsubscribe']).toMatch(
      /^<http.*\/unsubscribe\/[a-z0-9]{39}>$/,
    );
    expect(new Set(mail.map((m) => m.dedupe_key)).size).toBe(3);
  });

  it('never schedules an e-mail twice for the same lead', async () => {
    const lead = await makeLead('twice@globex.test');
    await enrol(lead, 'twice@globex.test');
    expect(await enrol(lead, 'twice@globex.test')).toMatchObject({ scheduled: 0 });
    expect(await campaignMail('twice@globex.test')).toHaveLength(3);
  });

  it('sends each due e-mail once, even with two processes delivering at the same time', async () => {
    const lead = await makeLead('once@globex.test');
    await enrol(lead, 'once@globex.test');
    const second = createDatabase(t.url);
    const sent: string[] = [];
    const transport: MailTransport = { send: async (m) => void sent.push(`${m.to}|${m.subject}`) };
    try {
      const later = new Date(T0.getTime() + 30 * 86_400_000);
      for (let round = 0; round < 5; round++) {
        await Promise.all([
          deliverDueMail(t.db, transport, later, 100),
          deliverDueMail(second, transport, later, 100),
        ]);
      }
    } finally {
      await second.destroy();
    }
    const mine = sent.filter((s) => s.startsWith('once@globex.test|'));
    expect(mine).toHaveLength(3);
    expect(new Set(mine).size).toBe(3);
  });
});

describe('unsubscribe', () => {
  it('cancels the scheduled e-mails and keeps the address off later campaigns', async () => {
    const lead = await makeLead('stop@globex.test');
    await enrol(lead, 'stop@globex.test');
    const token = await tokenFor('stop@globex.test');
    expect(await describeUnsubscribe(t.db, token)).toEqual({
      email: 'stop@globex.test',
      isUnsubscribed: false,
    });
    expect(await unsubscribe(t.db, token)).toEqual({ email: 'stop@globex.test', cancelled: 3 });
    expect((await campaignMail('stop@globex.test')).map((m) => m.status)).toEqual([
      'cancelled',
      'cancelled',
      'cancelled',
    ]);
    expect(await describeUnsubscribe(t.db, token)).toEqual({
      email: 'stop@globex.test',
      isUnsubscribed: true,
    });
    // Repeating it is harmless.
    expect(await unsubscribe(t.db, token)).toEqual({ email: 'stop@globex.test', cancelled: 0 });
    // A later lead with the same address is enrolled as suppressed and gets nothing.
    const again = await makeLead('stop@globex.test');
    expect(await enrol(again, 'stop@globex.test')).toMatchObject({
      status: 'suppressed',
      scheduled: 0,
    });
    expect(await campaignMail('stop@globex.test')).toHaveLength(3);
  });

  it('refuses a token that is not one', async () => {
    for (const bad of ['', 'abc', 'a'.repeat(39), '../../etc/passwd']) {
      await expect(unsubscribe(t.db, bad)).rejects.toBeInstanceOf(AppError);
    }
  });
});
