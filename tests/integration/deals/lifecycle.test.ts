import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  decideDeal,
  decideExtension,
  markDealOutcome,
  requestExtension,
  startReview,
  submitDeal,
} from '../../../src/server/deals/actions';
import { checkConflicts } from '../../../src/server/deals/conflicts';
import { getDealDetail } from '../../../src/server/deals/queries';
import { createDeal, updateDeal } from '../../../src/server/deals/register';
import { DuplicateDealError } from '../../../src/server/deals/errors';
import { createTestDb, type TestDb } from '../../helpers/test-db';
import { dealInput, makePortalWorld, type PortalWorld } from '../../helpers/portal';

let t: TestDb;
let w: PortalWorld;
beforeAll(async () => {
  t = await createTestDb();
  w = await makePortalWorld(t.db);
});
afterAll(() => t.cleanup());

async function auditOf(dealId: string) {
  return t.db
    .selectFrom('audit_log')
    .selectAll()
    .where('entity_id', '=', dealId)
    .orderBy('id')
    .execute();
}

describe('registration and review', () => {
  it('registers a draft, submits it, and approves it with the tier’s protection', async () => {
    const draft = await createDeal(t.db, w.anaA, dealInput());
    expect(draft.status).toBe('draft');
    const submitted = await submitDeal(t.db, w.repA, draft.id);
    expect(submitted.status).toBe('submitted');
    expect(Date.parse(submitted.review_due_at!) - Date.parse(submitted.last_submitted_at!)).toBe(
      48 * 3_600_000,
    );
    const reviewing = await startReview(t.db, w.channel, draft.id);
    expect(reviewing.status).toBe('under_review');
    const approvedAt = new Date(Date.parse(submitted.last_submitted_at!) + 3_600_000);
    const approved = await decideDeal(t.db, w.channel, draft.id, 'approve', undefined, approvedAt);
    expect(approved.status).toBe('approved');
    // Partner A is gold: 180 days.
    expect(Date.parse(approved.protected_until!) - approvedAt.getTime()).toBe(180 * 86_400_000);
    expect(approved.decision_seconds).toBe(3600);
    const audit = await auditOf(draft.id);
    expect(audit.map((a) => [a.action, a.from_status, a.to_status])).toEqual([
      ['create', null, 'draft'],
      ['submit', 'draft', 'submitted'],
      ['start_review', 'submitted', 'under_review'],
      ['approve', 'under_review', 'approved'],
    ]);
    const events = await t.db
      .selectFrom('events')
      .select(['type', 'properties'])
      .where('properties', 'like', `%${draft.id}%`)
      .orderBy('id')
      .execute();
    expect(events.map((e) => e.type)).toEqual([
      'deal_registered',
      'deal_status_changed',
      'deal_status_changed',
      'deal_status_changed',
    ]);
    const mail = await t.db
      .selectFrom('outbox')
      .select('subject')
      .where('to_address', '=', w.anaA.email)
      .execute();
    expect(mail.map((m) => m.subject)).toContain(`Deal approved: ${draft.customer_name}`);
  });

  it('returned deals are edited (every field change audited) and resubmitted', async () => {
    const deal = await createDeal(t.db, w.anaA, dealInput(), { submit: true });
    await expect(decideDeal(t.db, w.channel, deal.id, 'return', '  ')).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
    const returned = await decideDeal(
      t.db,
      w.channel,
      deal.id,
      'return',
      'Add the contact’s title and the seat count.',
    );
    expect(returned.status_reason).toBe('Add the contact’s title and the seat count.');
    const input = dealInput({
      customerName: deal.customer_name,
      customerDomain: deal.customer_domain,
      contactEmail: deal.contact_email,
      valueCents: 99_000_00,
    });
    const edited = await updateDeal(t.db, w.repA, deal.id, input, { submit: true });
    expect(edited.status).toBe('submitted');
    const audit = await auditOf(deal.id);
    const edit = audit.find((a) => a.action === 'edit');
    expect(JSON.parse(edit!.changes!).value_cents).toEqual([12_500_000, 9_900_000]);
    expect(audit.at(-1)).toMatchObject({
      action: 'submit',
      from_status: 'returned',
      to_status: 'submitted',
    });
  });

  it('refuses stale edits and edits in states that do not allow them', async () => {
    const deal = await createDeal(t.db, w.anaA, dealInput());
    await expect(
      updateDeal(t.db, w.anaA, deal.id, dealInput(), { expectedVersion: deal.version + 5 }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    await submitDeal(t.db, w.anaA, deal.id);
    await expect(updateDeal(t.db, w.anaA, deal.id, dealInput())).rejects.toMatchObject({
      code: 'CONFLICT',
    });
  });

  it('a partner cannot decide, and vendor staff cannot register', async () => {
    const deal = await createDeal(t.db, w.anaA, dealInput(), { submit: true });
    await expect(decideDeal(t.db, w.anaA, deal.id, 'approve', undefined)).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(createDeal(t.db, w.channel, dealInput())).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(createDeal(t.db, w.executive, dealInput())).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
  });

  it('another partner’s deal is not found', async () => {
    const deal = await createDeal(t.db, w.anaA, dealInput());
    await expect(getDealDetail(t.db, w.leeB, deal.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(submitDeal(t.db, w.leeB, deal.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(updateDeal(t.db, w.repB, deal.id, dealInput())).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it('won, lost and one extension', async () => {
    const deal = await createDeal(t.db, w.anaA, dealInput(), { submit: true });
    await decideDeal(t.db, w.channel, deal.id, 'approve', undefined);
    const requested = await requestExtension(
      t.db,
      w.repA,
      deal.id,
      'Procurement moved to next quarter.',
    );
    expect(requested.extension_status).toBe('requested');
    await expect(requestExtension(t.db, w.repA, deal.id, 'again')).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    const extended = await decideExtension(t.db, w.channel, deal.id, true, undefined);
    expect(Date.parse(extended.protected_until!) - Date.parse(requested.protected_until!)).toBe(
      30 * 86_400_000,
    );
    await expect(requestExtension(t.db, w.repA, deal.id, 'once more')).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    const won = await markDealOutcome(t.db, w.anaA, deal.id, 'won', undefined);
    expect(won.status).toBe('won');
    await expect(markDealOutcome(t.db, w.anaA, deal.id, 'lost', undefined)).rejects.toMatchObject({
      code: 'CONFLICT',
    });
  });
});

describe('conflicts', () => {
  it('flags another partner’s registration for the same customer, with evidence but no identity', async () => {
    const first = await createDeal(
      t.db,
      w.anaA,
      dealInput({
        customerName: 'Initech, Inc.',
        customerDomain: 'initech.test',
        contactEmail: 'bill@initech.test',
        products: ['voice'],
      }),
      { submit: true },
    );
    await decideDeal(t.db, w.channel, first.id, 'approve', undefined);
    const live = await checkConflicts(t.db, w.leeB, {
      customerName: 'INITECH Corporation',
      customerDomain: 'www.eu.initech.test',
      contactEmail: 'peter@initech.test',
      products: ['voice', 'video'],
    });
    expect(live.conflicts).toHaveLength(1);
    expect(live.conflicts[0]).toMatchObject({ state: 'approved', isStrong: true });
    expect(live.conflicts[0]!.rules.map((r) => r.rule)).toEqual([
      'domain',
      'email_domain',
      'company_name',
      'product_overlap',
    ]);
    expect(JSON.stringify(live)).not.toContain(w.anaA.partner!.name);
    expect(JSON.stringify(live)).not.toContain(first.id);
    const second = await createDeal(
      t.db,
      w.leeB,
      dealInput({
        customerName: 'Initech Corp',
        customerDomain: 'initech.test',
        contactEmail: 'peter@initech.test',
        products: ['video'],
      }),
      { submit: true },
    );
    expect(second.has_conflict).toBe(1);
    const partnerView = await getDealDetail(t.db, w.leeB, second.id);
    expect(partnerView.conflicts).toHaveLength(1);
    expect(partnerView.conflictDetails).toBeNull();
    expect(JSON.stringify(partnerView)).not.toContain(w.anaA.partner!.name);
    const channelView = await getDealDetail(t.db, w.channel, second.id);
    expect(channelView.conflictDetails![0]).toMatchObject({
      otherDealId: first.id,
      otherPartnerName: w.anaA.partner!.name,
    });
    await expect(
      decideDeal(t.db, w.channel, second.id, 'approve', undefined),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });

  it('refuses a duplicate of the partner’s own open deal and names it', async () => {
    const first = await createDeal(
      t.db,
      w.anaA,
      dealInput({
        customerName: 'Umbrella plc',
        customerDomain: 'umbrella.test',
        contactEmail: 'a@umbrella.test',
        products: ['sync'],
      }),
    );
    const attempt = createDeal(
      t.db,
      w.repA,
      dealInput({
        customerName: 'Umbrella',
        customerDomain: 'shop.umbrella.test',
        contactEmail: 'b@umbrella.test',
        products: ['sync', 'voice'],
      }),
    );
    await expect(attempt).rejects.toBeInstanceOf(DuplicateDealError);
    await expect(attempt).rejects.toMatchObject({ duplicateId: first.id });
    // Same customer, no product in common: a separate opportunity.
    const other = await createDeal(
      t.db,
      w.repA,
      dealInput({
        customerName: 'Umbrella',
        customerDomain: 'umbrella.test',
        contactEmail: 'b@umbrella.test',
        products: ['wireless'],
      }),
    );
    expect(other.status).toBe('draft');
  });

  it('refuses a second deal with the same external id in one company, not across companies', async () => {
    await createDeal(t.db, w.anaA, dealInput({ externalId: 'CRM-1' }));
    await expect(
      createDeal(t.db, w.anaA, dealInput({ externalId: 'CRM-1' })),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(
      createDeal(t.db, w.leeB, dealInput({ externalId: 'CRM-1' })),
    ).resolves.toMatchObject({ external_id: 'CRM-1' });
  });
});

describe('audit log', () => {
  it('the database refuses updates and deletes', async () => {
    const deal = await createDeal(t.db, w.anaA, dealInput());
    await expect(
      sql`update audit_log set reason = 'rewritten' where entity_id = ${deal.id}`.execute(t.db),
    ).rejects.toThrow(/append-only/);
    await expect(
      sql`delete from audit_log where entity_id = ${deal.id}`.execute(t.db),
    ).rejects.toThrow(/append-only/);
  });
});
