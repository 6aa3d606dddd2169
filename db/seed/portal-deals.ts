import { CONTOSO_SCENARIO_NAME } from './roi-scenarios';
import type { DealInput } from '../../src/lib/deals/schema';
import { DAY, HOUR, isoNow } from '../../src/lib/time';
import type { SessionUser } from '../../src/server/auth/session';
import type { DbOrTx } from '../../src/server/db';
import {
  addDealComment,
  decideDeal,
  markDealOutcome,
  requestExtension,
  startReview,
  submitDeal,
} from '../../src/server/deals/actions';
import { applyDealAction, SYSTEM } from '../../src/server/deals/lifecycle';
import { createDeal } from '../../src/server/deals/register';
import { findDeal } from '../../src/server/deals/repository';

/**
 * The demo deals of Northwind (gold, 180-day protection) and Bluepeak (registered, 90 days),
 * registered and decided through the services at past dates, so their audit trails, events
 * and e-mails are the real ones.
 */
export interface Ctx {
  db: DbOrTx;
  now: Date;
  ana: SessionUser;
  raj: SessionUser;
  lee: SessionUser;
  channel: SessionUser;
}

export const ago = (ctx: Ctx, days: number, hours = 0) =>
  new Date(ctx.now.getTime() - days * DAY - hours * HOUR);
const dateIn = (ctx: Ctx, days: number) =>
  new Date(ctx.now.getTime() + days * DAY).toISOString().slice(0, 10);

function deal(
  ctx: Ctx,
  d: Partial<DealInput> &
    Pick<
      DealInput,
      | 'customerName'
      | 'customerDomain'
      | 'contactName'
      | 'contactEmail'
      | 'valueCents'
      | 'products'
      | 'useCase'
    >,
  closeInDays: number,
): DealInput {
  return {
    country: 'GB',
    currency: 'GBP',
    contactTitle: undefined,
    templateSlug: undefined,
    roiScenarioId: undefined,
    notes: undefined,
    externalId: undefined,
    expectedCloseDate: dateIn(ctx, closeInDays),
    ...d,
  };
}

/** Registers and submits a deal at `at`, approves it `decideAfterHours` later. */
async function approved(
  ctx: Ctx,
  who: SessionUser,
  input: DealInput,
  at: Date,
  decideAfterHours = 20,
) {
  const d = await createDeal(ctx.db, who, input, { submit: true, source: 'seed' }, at);
  await startReview(ctx.db, ctx.channel, d.id, new Date(at.getTime() + 2 * HOUR));
  return decideDeal(
    ctx.db,
    ctx.channel,
    d.id,
    'approve',
    undefined,
    new Date(at.getTime() + decideAfterHours * HOUR),
  );
}

export async function seedNorthwind(ctx: Ctx) {
  const { ana, raj } = ctx;
  const contosoCase = await ctx.db
    .selectFrom('roi_scenarios')
    .select('id')
    .where('name', '=', CONTOSO_SCENARIO_NAME)
    .executeTakeFirst();
  // Gold tier: 180 days. Approved 170 days ago, so protection ends in about ten days.
  const contoso = await approved(
    ctx,
    ana,
    deal(
      ctx,
      {
        customerName: 'Contoso Pharmaceuticals',
        customerDomain: 'contoso-pharma.com',
        country: 'DE',
        contactName: 'Jonas Weber',
        contactEmail: 'j.weber@contoso-pharma.com',
        contactTitle: 'Head of Patient Services',
        valueCents: 18_000_000,
        currency: 'EUR',
        products: ['voice', 'task-router', 'sip-trunking'],
        useCase:
          'Move the patient-support hotline (120 agents, three sites) to a cloud contact centre.',
        templateSlug: 'virtual-contact-centre',
        externalId: 'NW-1001',
        roiScenarioId: contosoCase?.id,
      },
      40,
    ),
    ago(ctx, 171),
    26,
  );
  await addDealComment(
    ctx.db,
    ana,
    contoso.id,
    'Pilot queue went live last week; procurement expects to sign next month.',
    ago(ctx, 30),
  );
  await approved(
    ctx,
    raj,
    deal(
      ctx,
      {
        customerName: 'Fabrikam Logistics',
        customerDomain: 'fabrikam-logistics.co.uk',
        contactName: 'Priya Shah',
        contactEmail: 'priya.shah@fabrikam-logistics.co.uk',
        contactTitle: 'Director of Field Service',
        valueCents: 9_500_000,
        products: ['wireless', 'messaging', 'task-router'],
        useCase:
          'Connect 2,000 refrigerated trailers so faults are dispatched before cargo spoils.',
        templateSlug: 'proactive-maintenance',
        externalId: 'NW-1002',
      },
      90,
    ),
    ago(ctx, 21),
  );
  const tailspin = await createDeal(
    ctx.db,
    raj,
    deal(
      ctx,
      {
        customerName: 'Tailspin Toys',
        customerDomain: 'tailspintoys.com',
        country: 'US',
        currency: 'USD',
        contactName: 'Marco Diaz',
        contactEmail: 'marco@tailspintoys.com',
        valueCents: 4_200_000,
        products: ['messaging', 'voice'],
        useCase: 'Answer web leads from the holiday campaign within five minutes.',
        templateSlug: 'speed-to-lead',
        externalId: 'NW-1003',
      },
      60,
    ),
    { submit: true, source: 'seed' },
    ago(ctx, 4),
  );
  await decideDeal(
    ctx.db,
    ctx.channel,
    tailspin.id,
    'return',
    'Please add the number of sales reps and which CRM they use; the value looks high for the lead volume.',
    ago(ctx, 3),
  );
  await createDeal(
    ctx.db,
    ana,
    deal(
      ctx,
      {
        customerName: 'Wide World Importers',
        customerDomain: 'wideworldimporters.com',
        contactName: 'Olivia Brown',
        contactEmail: 'olivia.brown@wideworldimporters.com',
        valueCents: 2_750_000,
        products: ['video', 'sync'],
        useCase: 'Video support for damaged-shipment claims.',
        templateSlug: 'video-support',
        externalId: 'NW-1004',
      },
      120,
    ),
    { source: 'seed' },
    ago(ctx, 1),
  );
  const adventure = await approved(
    ctx,
    ana,
    deal(
      ctx,
      {
        customerName: 'Adventure Works Cycles',
        customerDomain: 'adventure-works.com',
        country: 'US',
        currency: 'USD',
        contactName: 'Dan Park',
        contactEmail: 'dan.park@adventure-works.com',
        valueCents: 6_100_000,
        products: ['task-router', 'voice', 'messaging'],
        useCase: 'Route dealer and web leads to the right regional rep.',
        templateSlug: 'speed-to-lead',
        externalId: 'NW-1005',
      },
      10,
    ),
    ago(ctx, 80),
    9,
  );
  await markDealOutcome(
    ctx.db,
    ana,
    adventure.id,
    'won',
    'Signed a three-year agreement.',
    ago(ctx, 12),
  );
  const litware = await approved(
    ctx,
    raj,
    deal(
      ctx,
      {
        customerName: 'Litware Insurance',
        customerDomain: 'litware.com',
        contactName: 'Helen Ford',
        contactEmail: 'h.ford@litware.com',
        valueCents: 3_300_000,
        products: ['video', 'messaging'],
        useCase: 'Video claims inspection for home insurance.',
        templateSlug: 'video-support',
        externalId: 'NW-1006',
      },
      5,
    ),
    ago(ctx, 60),
    30,
  );
  await markDealOutcome(
    ctx.db,
    raj,
    litware.id,
    'lost',
    'The customer chose to extend its existing field-adjuster contract.',
    ago(ctx, 15),
  );
  // Overdue: submitted three days ago, nobody has decided (the review SLA is 48 hours).
  await createDeal(
    ctx.db,
    ana,
    deal(
      ctx,
      {
        customerName: 'Woodgrove Bank',
        customerDomain: 'woodgrovebank.com',
        contactName: 'Sam Carter',
        contactEmail: 'sam.carter@woodgrovebank.com',
        contactTitle: 'VP Contact Centre',
        valueCents: 22_000_000,
        products: ['voice', 'sync', 'task-router'],
        useCase: 'Call insight across 300 agents: transcripts, scoring and coaching.',
        templateSlug: 'call-insight',
        externalId: 'NW-1007',
      },
      75,
    ),
    { submit: true, source: 'seed' },
    ago(ctx, 3),
  );
  // Gold protection of 180 days ran out 20 days ago: the expiry job ended it.
  const coho = await approved(
    ctx,
    ana,
    deal(
      ctx,
      {
        customerName: 'Coho Winery',
        customerDomain: 'cohowinery.com',
        contactName: 'Lena Novak',
        contactEmail: 'lena@cohowinery.com',
        valueCents: 1_200_000,
        products: ['messaging'],
        useCase: 'Order-ready texts for the cellar door shop.',
        externalId: 'NW-1008',
      },
      30,
    ),
    ago(ctx, 201),
    24,
  );
  const cohoRow = await findDeal(ctx.db, coho.id, null);
  if (cohoRow)
    await applyDealAction(
      ctx.db,
      cohoRow,
      { type: 'expire' },
      SYSTEM,
      new Date(Date.parse(cohoRow.protected_until ?? isoNow(ctx.now)) + HOUR),
    );
  const proseware = await approved(
    ctx,
    raj,
    deal(
      ctx,
      {
        customerName: 'Proseware',
        customerDomain: 'proseware.com',
        country: 'IE',
        currency: 'EUR',
        contactName: 'Aoife Byrne',
        contactEmail: 'aoife.byrne@proseware.com',
        valueCents: 5_400_000,
        products: ['voice', 'sip-trunking'],
        useCase: 'Replace ISDN lines for the Dublin and Cork offices with SIP trunks.',
        externalId: 'NW-1009',
      },
      30,
    ),
    ago(ctx, 175),
    8,
  );
  await requestExtension(
    ctx.db,
    raj,
    proseware.id,
    'Legal review of the carrier contract takes another month.',
    ago(ctx, 1),
  );
}

export async function seedBluepeak(ctx: Ctx) {
  const { lee } = ctx;
  // Registers the customer Northwind holds: flagged as a conflict, under review.
  const conflict = await createDeal(
    ctx.db,
    lee,
    deal(
      ctx,
      {
        customerName: 'Contoso Pharma GmbH',
        customerDomain: 'www.contoso-pharma.com',
        country: 'DE',
        currency: 'EUR',
        contactName: 'Anna Schmidt',
        contactEmail: 'anna.schmidt@contoso-pharma.com',
        valueCents: 15_000_000,
        products: ['voice', 'video'],
        useCase: 'Video consultations for the patient-support team.',
        externalId: 'BP-201',
      },
      50,
    ),
    { submit: true, source: 'seed' },
    ago(ctx, 0, 20),
  );
  await startReview(ctx.db, ctx.channel, conflict.id, ago(ctx, 0, 6));
  await approved(
    ctx,
    lee,
    deal(
      ctx,
      {
        customerName: 'Alpine Ski House',
        customerDomain: 'alpineskihouse.com',
        country: 'CH',
        currency: 'CHF',
        contactName: 'Luca Meier',
        contactEmail: 'luca.meier@alpineskihouse.com',
        valueCents: 2_900_000,
        products: ['voice', 'sync'],
        useCase: 'Score every booking call against the sales checklist.',
        templateSlug: 'call-insight',
        externalId: 'BP-202',
      },
      45,
    ),
    ago(ctx, 30),
  );
  await createDeal(
    ctx.db,
    lee,
    deal(
      ctx,
      {
        customerName: 'Blue Yonder Airlines',
        customerDomain: 'blueyonderairlines.com',
        country: 'US',
        currency: 'USD',
        contactName: 'Grace Lee',
        contactEmail: 'grace.lee@blueyonderairlines.com',
        valueCents: 8_800_000,
        products: ['messaging', 'task-router'],
        useCase: 'Proactive flight-disruption texts with rebooking by reply.',
        externalId: 'BP-203',
      },
      100,
    ),
    { submit: true, source: 'seed' },
    ago(ctx, 0, 3),
  );
  const trey = await approved(
    ctx,
    lee,
    deal(
      ctx,
      {
        customerName: 'Trey Research',
        customerDomain: 'treyresearch.net',
        contactName: 'Ian Moss',
        contactEmail: 'ian.moss@treyresearch.net',
        valueCents: 1_900_000,
        products: ['video'],
        useCase: 'Remote lab-equipment support by video.',
        templateSlug: 'video-support',
        externalId: 'BP-204',
      },
      20,
    ),
    ago(ctx, 50),
  );
  await markDealOutcome(ctx.db, lee, trey.id, 'won', undefined, ago(ctx, 7));
  await submitDeal(
    ctx.db,
    lee,
    (
      await createDeal(
        ctx.db,
        lee,
        deal(
          ctx,
          {
            customerName: 'Margie’s Travel',
            customerDomain: 'margiestravel.com',
            contactName: 'Margie Hale',
            contactEmail: 'margie@margiestravel.com',
            valueCents: 650_000,
            products: ['messaging'],
            useCase: 'Itinerary changes by text message.',
            externalId: 'BP-205',
          },
          30,
        ),
        { source: 'seed' },
        ago(ctx, 9),
      )
    ).id,
    ago(ctx, 9),
  );
}
