import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decideDeal, submitDeal } from '../../../src/server/deals/actions';
import { runDealLifecycle } from '../../../src/server/deals/expiry';
import { createDeal } from '../../../src/server/deals/register';
import { DAY, HOUR } from '../../../src/lib/time';
import { dealInput, makePortalWorld, type PortalWorld } from '../../helpers/portal';
import { createTestDb, type TestDb } from '../../helpers/test-db';

let t: TestDb;
let w: PortalWorld;
beforeAll(async () => {
  t = await createTestDb();
  w = await makePortalWorld(t.db);
});
afterAll(() => t.cleanup());

async function mailTo(email: string) {
  return t.db
    .selectFrom('outbox')
    .select(['subject', 'category'])
    .where('to_address', '=', email)
    .orderBy('created_at')
    .execute();
}

describe('expiry job and reminders', () => {
  it('reminds 14 and 3 days before, once each, then expires the deal (partner B: 90 days)', async () => {
    const approvedAt = new Date('2027-01-01T09:00:00.000Z');
    const deal = await createDeal(
      t.db,
      w.leeB,
      dealInput(),
      { submit: true },
      new Date(approvedAt.getTime() - HOUR),
    );
    const approved = await decideDeal(t.db, w.channel, deal.id, 'approve', undefined, approvedAt);
    const end = Date.parse(approved.protected_until!);
    expect(end - approvedAt.getTime()).toBe(90 * DAY);

    expect(await runDealLifecycle(t.db, new Date(end - 20 * DAY))).toMatchObject({
      reminded: 0,
      expired: 0,
    });
    expect(await runDealLifecycle(t.db, new Date(end - 13 * DAY))).toMatchObject({ reminded: 1 });
    expect(await runDealLifecycle(t.db, new Date(end - 12 * DAY))).toMatchObject({ reminded: 0 });
    expect(await runDealLifecycle(t.db, new Date(end - 2 * DAY))).toMatchObject({ reminded: 1 });
    expect(await runDealLifecycle(t.db, new Date(end - DAY))).toMatchObject({
      reminded: 0,
      expired: 0,
    });
    expect(await runDealLifecycle(t.db, new Date(end + 1000))).toMatchObject({ expired: 1 });
    expect(await runDealLifecycle(t.db, new Date(end + 2000))).toMatchObject({ expired: 0 });

    const after = await t.db
      .selectFrom('deals')
      .selectAll()
      .where('id', '=', deal.id)
      .executeTakeFirstOrThrow();
    expect(after.status).toBe('expired');
    const subjects = (await mailTo(w.leeB.email)).map((m) => m.subject);
    expect(subjects.filter((s) => s.startsWith('Protection ends in'))).toEqual([
      expect.stringMatching(/ends in 13 days/),
      expect.stringMatching(/ends in 2 days/),
    ]);
    expect(subjects).toContain(`Protection ended: ${deal.customer_name}`);
    const audit = await t.db
      .selectFrom('audit_log')
      .select(['action', 'actor_role'])
      .where('entity_id', '=', deal.id)
      .orderBy('id')
      .execute();
    expect(audit.slice(-3)).toEqual([
      { action: 'reminder', actor_role: 'system' },
      { action: 'reminder', actor_role: 'system' },
      { action: 'expire', actor_role: 'system' },
    ]);
  });

  it('a deal approved with under 3 days left gets only the 3-day reminder', async () => {
    const deal = await createDeal(t.db, w.leeB, dealInput(), { submit: true });
    const approved = await decideDeal(t.db, w.channel, deal.id, 'approve', undefined);
    const end = Date.parse(approved.protected_until!);
    await runDealLifecycle(t.db, new Date(end - 2 * DAY));
    const row = await t.db
      .selectFrom('deals')
      .select('reminder_stage')
      .where('id', '=', deal.id)
      .executeTakeFirstOrThrow();
    expect(row.reminder_stage).toBe(3);
    await runDealLifecycle(t.db, new Date(end - DAY));
    const reminders = await t.db
      .selectFrom('audit_log')
      .select('id')
      .where('entity_id', '=', deal.id)
      .where('action', '=', 'reminder')
      .execute();
    expect(reminders).toHaveLength(1);
  });
});

describe('review SLA', () => {
  it('escalates an overdue review to every admin once, records time to decision', async () => {
    const submittedAt = new Date('2027-02-01T08:00:00.000Z');
    const deal = await createDeal(t.db, w.anaA, dealInput(), { submit: true }, submittedAt);
    expect(deal.review_due_at).toBe('2027-02-03T08:00:00.000Z');
    expect(await runDealLifecycle(t.db, new Date('2027-02-03T07:59:00.000Z'))).toMatchObject({
      escalated: 0,
    });
    expect(
      (await runDealLifecycle(t.db, new Date('2027-02-03T09:00:00.000Z'))).escalated,
    ).toBeGreaterThanOrEqual(1);
    expect(await runDealLifecycle(t.db, new Date('2027-02-03T10:00:00.000Z'))).toMatchObject({
      escalated: 0,
    });
    const escalations = (await mailTo(w.admin.email)).filter(
      (m) => m.category === 'deal_escalation',
    );
    expect(escalations.filter((m) => m.subject.includes(deal.customer_name))).toHaveLength(1);
    const decided = await decideDeal(
      t.db,
      w.channel,
      deal.id,
      'return',
      'Add the seat count.',
      new Date('2027-02-03T20:00:00.000Z'),
    );
    expect(decided.decision_seconds).toBe(60 * 3600);
    // Resubmission restarts the clock and the escalation.
    const again = await submitDeal(t.db, w.anaA, deal.id, new Date('2027-02-04T08:00:00.000Z'));
    expect(again.review_due_at).toBe('2027-02-06T08:00:00.000Z');
    expect(again.escalated_at).toBeNull();
  });
});
