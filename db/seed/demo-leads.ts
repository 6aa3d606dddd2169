import { newId } from '../../src/lib/ids';
import { addMs, isoNow, MINUTE, HOUR, DAY } from '../../src/lib/time';
import type { Db } from '../../src/server/db';
import { recordEvents, type EventInput } from '../../src/server/analytics/record-event';

interface DemoLead {
  key: string;
  name: string;
  email: string;
  company: string;
  domain: string;
  persona: string;
  owner: string;
  /** How long before the seed ran the lead came in. */
  ageMs: number;
  /** Minutes to the first response; null while waiting. */
  respondedAfterMin: number | null;
  channel?: string;
  answers: Record<string, unknown>;
  utm?: [string, string, string];
}

/** A few leads in every state the inbox shows: due soon, overdue, answered on time, answered late. */
const DEMO_LEADS: DemoLead[] = [
  {
    key: 'demo-lead-1',
    name: 'Amara Nwosu',
    email: 'amara@brightline-support.test',
    company: 'Brightline Support',
    domain: 'brightline-support.test',
    persona: 'contact-center',
    owner: 'maya-okafor',
    ageMs: 2 * MINUTE,
    respondedAfterMin: null,
    answers: {
      operationType: 'outsourced',
      seats: 420,
      attritionRate: 41,
      platform: 'genesys',
      clientPrograms: 6,
      clientApproval: 'yes',
      pilotQueue: 'Tier-1 billing',
      homeAgents: 'some',
      timeline: 'this-quarter',
    },
    utm: ['linkedin', 'paid-social', 'agent-attrition-2026'],
  },
  {
    key: 'demo-lead-2',
    name: 'Jonas Weber',
    email: 'j.weber@kessler-logistics.test',
    company: 'Kessler Logistics',
    domain: 'kessler-logistics.test',
    persona: 'it-operations',
    owner: 'priya-natarajan',
    ageMs: 47 * MINUTE,
    respondedAfterMin: null,
    answers: {
      equipmentType: 'vehicles',
      fleetSize: 1800,
      alertsToday: 'email',
      connectivity: 'none',
      countries: 'Germany, Austria',
      dataPerUnit: '1-100mb',
    },
  },
  {
    key: 'demo-lead-3',
    name: 'Sofia Marquez',
    email: 'sofia.marquez@northstar-retail.test',
    company: 'Northstar Retail',
    domain: 'northstar-retail.test',
    persona: 'revenue-teams',
    owner: 'daniel-reyes',
    ageMs: DAY + 2 * HOUR,
    respondedAfterMin: 3,
    channel: 'phone',
    answers: {
      monthlyLeads: 2600,
      currentResponse: '30m-2h',
      crm: 'salesforce',
      averageDeal: 18000,
    },
    utm: ['google', 'cpc', 'speed-to-lead-q4'],
  },
  {
    key: 'demo-lead-4',
    name: "Liam O'Connor",
    email: 'liam.oconnor@tidewater-insurance.test',
    company: 'Tidewater Insurance',
    domain: 'tidewater-insurance.test',
    persona: 'executives',
    owner: 'maya-okafor',
    ageMs: 2 * DAY + 5 * HOUR,
    respondedAfterMin: 38,
    channel: 'email',
    answers: { priority: 'attrition', revenueBand: '1b-10b', decisionTimeline: 'this-year' },
  },
  {
    key: 'demo-lead-5',
    name: 'Mei Chen',
    email: 'mei@parcelwise.test',
    company: 'Parcelwise',
    domain: 'parcelwise.test',
    persona: 'developers',
    owner: 'tomas-lindqvist',
    ageMs: 3 * HOUR,
    respondedAfterMin: 4,
    channel: 'email',
    answers: { useCase: 'alerts', languages: ['javascript', 'go'], stage: 'prototype' },
    utm: ['github', 'referral', 'dev-sdk-launch'],
  },
  {
    key: 'demo-lead-6',
    name: 'Ravi Kumar',
    email: 'ravi.kumar@harbor-bpo.test',
    company: 'Harbor BPO',
    domain: 'harbor-bpo.test',
    persona: 'contact-center',
    owner: 'hannah-becker',
    ageMs: 20 * MINUTE,
    respondedAfterMin: null,
    answers: {
      operationType: 'in-house',
      seats: 150,
      platform: 'avaya',
      pilotQueue: 'Returns',
      homeAgents: 'none',
      timeline: 'exploring',
    },
  },
];

/**
 * Demo leads for the inbox (/leads) and the speed-to-lead reports, with the lead_created and
 * lead_responded events the real flow would have written. Idempotent: keyed by submission key.
 */
export async function seedDemoLeads(db: Db, now: Date = new Date()): Promise<boolean> {
  const existing = await db
    .selectFrom('leads')
    .select('id')
    .where('submission_key', '=', 'demo-lead-1')
    .executeTakeFirst();
  if (existing) return false;
  const admin = await db
    .selectFrom('users')
    .select('id')
    .where('email', '=', 'admin@chasm.test')
    .executeTakeFirst();
  await db.transaction().execute(async (trx) => {
    const events: EventInput[] = [];
    for (const d of DEMO_LEADS) {
      const created = isoNow(new Date(now.getTime() - d.ageMs));
      const responded =
        d.respondedAfterMin === null ? null : addMs(created, d.respondedAfterMin * MINUTE);
      const id = newId(Date.parse(created));
      const due = addMs(created, 5 * MINUTE);
      const [source, medium, campaign] = d.utm ?? [null, null, null];
      await trx
        .insertInto('leads')
        .values({
          id,
          submission_key: d.key,
          flow_id: d.persona,
          persona: d.persona,
          name: d.name,
          email: d.email,
          company: d.company,
          company_domain: d.domain,
          answers: JSON.stringify({
            ...d.answers,
            name: d.name,
            email: d.email,
            company: d.company,
            companyDomain: d.domain,
          }),
          visitor_id: null,
          utm_source: source,
          utm_medium: medium,
          utm_campaign: campaign,
          referral_code: null,
          owner_key: d.owner,
          response_due_at: due,
          first_response_at: responded,
          responded_by: responded ? (admin?.id ?? null) : null,
          response_channel: responded ? (d.channel ?? 'phone') : null,
          response_note: null,
          partner_application_id: null,
          created_at: created,
          updated_at: responded ?? created,
        })
        .execute();
      const base = {
        visitorId: `lead:${id}`,
        persona: d.persona,
        utm: { source, medium, campaign },
      };
      events.push({
        ...base,
        type: 'lead_created',
        occurredAt: created,
        properties: { leadId: id, flowId: d.persona, ownerKey: d.owner, responseDueAt: due },
      });
      if (responded) {
        events.push({
          ...base,
          type: 'lead_responded',
          occurredAt: responded,
          userId: admin?.id ?? null,
          properties: {
            leadId: id,
            ownerKey: d.owner,
            channel: d.channel,
            responseSeconds: (d.respondedAfterMin ?? 0) * 60,
            isWithinDeadline: responded <= due,
          },
        });
      }
    }
    await recordEvents(trx, events, now);
  });
  return true;
}
