import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NO_TOUCH, NOT_SET, type AttributionCell } from '../../../src/lib/analytics/attribution';
import { attribution, type Attribution } from '../../../src/server/analytics/queries/attribution';
import { decideDeal, markDealOutcome } from '../../../src/server/deals/actions';
import { createDeal } from '../../../src/server/deals/register';
import { recordEvents, type EventInput } from '../../../src/server/analytics/record-event';
import { createLead } from '../../../src/server/leads/create';
import { dealInput, makePortalWorld, type PortalWorld } from '../../helpers/portal';
import { createTestDb, type TestDb } from '../../helpers/test-db';

/**
 * A small hand-written ledger, and every cell of the attribution written out by hand below.
 *
 * v1 (self-serve): 1 Jul page view from google-ads (more than 90 days before everything: out);
 *   1 Oct the home page from the newsletter's "launch" campaign, personalised for developers
 *   (page view, then its exposure at the same instant); 20 Oct 09:50 a CTA click; 20 Oct 10:00
 *   lead L1 (dana@acme-one.test); 22 Oct a page view from linkedin "retarget".
 * v2 (partner referral "alpha"): 10 Oct the home page held out (page view without persona, its
 *   exposure names contact-center), both with ?ref=alpha; 15 Oct 11:00 switches to executives;
 *   15 Oct 12:00 lead L2 (sam@bluebird.test, referral alpha).
 * v4: a lead on 25 Sep, before the period.
 * L3: a lead on 5 Oct recorded without a visitor.
 * Deals: D1 Alpha, 25 Oct, template, contact dana@acme-one.test (→ L1), won $100,000.
 *        D2 Beta, 16 Oct, no template, customer domain bluebird.test (→ L2 by domain), won €20,000.
 *        D3 Alpha, 12 Oct, no template, an unknown customer, submitted only, $5,000.
 *        D4 Alpha, 13 Oct, template, an unknown customer, won £30,000.
 *        D5 a draft (not registered); D6 registered 20 Sep (before the period).
 */
let t: TestDb;
let w: PortalWorld;
let a: Attribution;
const at = (month: number, day: number, hour = 10, minute = 0) =>
  new Date(Date.UTC(2026, month - 1, day, hour, minute));
const iso = (month: number, day: number, hour = 10, minute = 0) =>
  at(month, day, hour, minute).toISOString();

async function lead(
  email: string,
  domain: string,
  visitorId: string | null,
  referralCode: string | null,
  when: Date,
) {
  return createLead(
    t.db,
    {
      submissionKey: `${email}:1`,
      flowId: 'developers',
      persona: 'developers',
      name: 'Test Lead',
      email,
      company: domain,
      companyDomain: domain,
      answers: {},
      visitorId,
      utm: { source: null, medium: null, campaign: null },
      referralCode,
      isSalesLead: false,
    },
    when,
  );
}

async function deal(
  who: PortalWorld['anaA'],
  fields: {
    domain: string;
    email: string;
    valueCents: number;
    currency: 'USD' | 'EUR' | 'GBP';
    template?: 'speed-to-lead';
  },
  when: Date,
  outcome: 'won' | 'submitted' | 'draft',
) {
  const d = await createDeal(
    t.db,
    who,
    dealInput({
      customerDomain: fields.domain,
      contactEmail: fields.email,
      valueCents: fields.valueCents,
      currency: fields.currency,
      ...(fields.template ? { templateSlug: fields.template } : {}),
    }),
    { submit: outcome !== 'draft' },
    when,
  );
  if (outcome === 'won') {
    await decideDeal(
      t.db,
      w.channel,
      d.id,
      'approve',
      undefined,
      new Date(when.getTime() + 3_600_000),
    );
    await markDealOutcome(t.db, who, d.id, 'won', undefined, new Date(when.getTime() + 86_400_000));
  }
  return d;
}

beforeAll(async () => {
  t = await createTestDb();
  w = await makePortalWorld(t.db, ' (attribution)');
  await t.db
    .updateTable('partners')
    .set({ referral_code: 'alpha' })
    .where('id', '=', w.partnerA)
    .execute();
  const events: EventInput[] = [
    {
      type: 'page_view',
      visitorId: 'v1',
      occurredAt: iso(7, 1),
      path: '/',
      utm: { source: 'google-ads', campaign: 'old' },
    },
    {
      type: 'page_view',
      visitorId: 'v1',
      occurredAt: iso(10, 1),
      path: '/',
      persona: 'developers',
      utm: { source: 'newsletter', campaign: 'launch' },
    },
    {
      type: 'experience_viewed',
      visitorId: 'v1',
      occurredAt: iso(10, 1),
      path: '/',
      persona: 'developers',
      variant: 'personalized',
    },
    {
      type: 'cta_clicked',
      visitorId: 'v1',
      occurredAt: iso(10, 20, 9, 50),
      path: '/for/developers',
      persona: 'developers',
    },
    { type: 'lead_created', visitorId: 'v1', occurredAt: iso(10, 20) },
    {
      type: 'page_view',
      visitorId: 'v1',
      occurredAt: iso(10, 22),
      path: '/pricing',
      persona: 'developers',
      utm: { source: 'linkedin', campaign: 'retarget' },
    },
    { type: 'page_view', visitorId: 'v2', occurredAt: iso(10, 10), path: '/', partnerRef: 'alpha' },
    {
      type: 'experience_viewed',
      visitorId: 'v2',
      occurredAt: iso(10, 10),
      path: '/',
      persona: 'contact-center',
      variant: 'holdout',
      partnerRef: 'alpha',
    },
    {
      type: 'persona_switched',
      visitorId: 'v2',
      occurredAt: iso(10, 15, 11),
      path: '/',
      persona: 'executives',
    },
    { type: 'page_view', visitorId: 'v4', occurredAt: iso(9, 24), path: '/' },
  ];
  await recordEvents(t.db, events, at(10, 30));
  await lead('dana@acme-one.test', 'acme-one.test', 'v1', null, at(10, 20));
  await lead('sam@bluebird.test', 'bluebird.test', 'v2', 'alpha', at(10, 15, 12));
  await lead('kim@nowhere.test', 'nowhere.test', null, null, at(10, 5));
  await lead('old@earlier.test', 'earlier.test', 'v4', null, at(9, 25));
  await deal(
    w.anaA,
    {
      domain: 'acme-one.test',
      email: 'dana@acme-one.test',
      valueCents: 100_000_00,
      currency: 'USD',
      template: 'speed-to-lead',
    },
    at(10, 25),
    'won',
  );
  await deal(
    w.leeB,
    {
      domain: 'bluebird.test',
      email: 'buyer@bluebird.test',
      valueCents: 20_000_00,
      currency: 'EUR',
    },
    at(10, 16),
    'won',
  );
  await deal(
    w.anaA,
    {
      domain: 'gamma-three.test',
      email: 'x@gamma-three.test',
      valueCents: 5_000_00,
      currency: 'USD',
    },
    at(10, 12),
    'submitted',
  );
  await deal(
    w.anaA,
    {
      domain: 'delta-four.test',
      email: 'y@delta-four.test',
      valueCents: 30_000_00,
      currency: 'GBP',
      template: 'speed-to-lead',
    },
    at(10, 13),
    'won',
  );
  await deal(
    w.anaA,
    { domain: 'echo-five.test', email: 'draft@echo-five.test', valueCents: 1_00, currency: 'USD' },
    at(10, 14),
    'draft',
  );
  await deal(
    w.leeB,
    { domain: 'sept-six.test', email: 'sam@bluebird.test', valueCents: 9_00, currency: 'USD' },
    at(9, 20),
    'submitted',
  );
  a = await attribution(t.db, { from: '2026-10-01', to: '2026-10-31' });
});
afterAll(() => t.cleanup());

const USD = (valueCents: number) => ({ currency: 'USD', valueCents });
const EUR = (valueCents: number) => ({ currency: 'EUR', valueCents });
const GBP = (valueCents: number) => ({ currency: 'GBP', valueCents });
/** [key, leads, deals, won deals, won per currency, direct] */
type Row = [string, number, number, number, { currency: string; valueCents: number }[], number];
const rows = (cells: AttributionCell[]): Row[] =>
  cells.map((c) => [c.key, c.leads, c.deals, c.wonDeals, c.won, c.direct]);

describe('attribution over a hand-written ledger', () => {
  it('totals: 3 leads, 4 registered deals, won value per currency, 3 without a touch', () => {
    expect(a.totals).toEqual({
      leads: 3,
      deals: 4,
      wonDeals: 3,
      won: [USD(100_000_00), GBP(30_000_00), EUR(20_000_00)],
      directLeads: 1,
      directDeals: 2,
    });
  });

  it('by motion (the same under both models)', () => {
    const expected: Row[] = [
      ['partner-sourced', 1, 2, 1, [EUR(20_000_00)], 1],
      ['self-serve', 2, 0, 0, [], 1],
      ['solution-template', 0, 2, 2, [USD(100_000_00), GBP(30_000_00)], 1],
    ];
    expect(rows(a.cells.first.motion)).toEqual(expected);
    expect(rows(a.cells.last.motion)).toEqual(expected);
  });

  // L3, D3 (not won) and D4 (won £30,000).
  const direct: Row = [NO_TOUCH, 1, 2, 1, [GBP(30_000_00)], 3];

  // Cells come most conversions first, then by key.
  it('first touch', () => {
    expect(rows(a.cells.first.persona)).toEqual([
      direct,
      ['contact-center', 1, 1, 1, [EUR(20_000_00)], 0],
      ['developers', 1, 1, 1, [USD(100_000_00)], 0],
    ]);
    expect(rows(a.cells.first.variant)).toEqual([
      direct,
      ['holdout', 1, 1, 1, [EUR(20_000_00)], 0],
      ['personalized', 1, 1, 1, [USD(100_000_00)], 0],
    ]);
    expect(rows(a.cells.first.source)).toEqual([
      direct,
      [NOT_SET, 1, 1, 1, [EUR(20_000_00)], 0],
      ['newsletter', 1, 1, 1, [USD(100_000_00)], 0],
    ]);
    expect(rows(a.cells.first.campaign)).toEqual([
      direct,
      [NOT_SET, 1, 1, 1, [EUR(20_000_00)], 0],
      ['launch', 1, 1, 1, [USD(100_000_00)], 0],
    ]);
    expect(rows(a.cells.first.partner)).toEqual([
      direct,
      [NOT_SET, 1, 1, 1, [USD(100_000_00)], 0],
      ['alpha', 1, 1, 1, [EUR(20_000_00)], 0],
    ]);
  });

  it('last touch', () => {
    expect(rows(a.cells.last.persona)).toEqual([
      direct,
      ['developers', 1, 1, 1, [USD(100_000_00)], 0],
      ['executives', 1, 1, 1, [EUR(20_000_00)], 0],
    ]);
    expect(rows(a.cells.last.variant)).toEqual([
      direct,
      ['holdout', 1, 1, 1, [EUR(20_000_00)], 0],
      ['personalized', 1, 1, 1, [USD(100_000_00)], 0],
    ]);
    expect(rows(a.cells.last.source)).toEqual([
      [NOT_SET, 2, 1, 1, [EUR(20_000_00)], 0],
      direct,
      ['linkedin', 0, 1, 1, [USD(100_000_00)], 0],
    ]);
    expect(rows(a.cells.last.campaign)).toEqual([
      [NOT_SET, 2, 1, 1, [EUR(20_000_00)], 0],
      direct,
      ['retarget', 0, 1, 1, [USD(100_000_00)], 0],
    ]);
    expect(rows(a.cells.last.partner)).toEqual([
      [NOT_SET, 2, 2, 2, [USD(100_000_00), EUR(20_000_00)], 0],
      direct,
    ]);
  });

  it('names partners by referral code', () => {
    expect(a.partnerNames).toEqual({ alpha: 'Alpha Integrators (attribution)' });
  });

  it('a period without conversions is empty', async () => {
    const empty = await attribution(t.db, { from: '2026-11-01', to: '2026-11-30' });
    expect(empty.totals).toEqual({
      leads: 0,
      deals: 0,
      wonDeals: 0,
      won: [],
      directLeads: 0,
      directDeals: 0,
    });
    expect(empty.cells.first.persona).toEqual([]);
  });
});
