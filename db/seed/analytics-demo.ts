import { pickWeighted } from '../../src/lib/random';
import { createRandom } from '../../src/lib/roi/analysis/random';
import type { PersonaSlug } from '../../src/lib/catalog';
import type { Db } from '../../src/server/db';
import { recordEvents, type EventInput } from '../../src/server/analytics/record-event';
import { buildDemoLeads } from './analytics-demo-leads';

/**
 * Synthetic go-to-market activity for the demo, so every dashboard has something to show on
 * first start. Deterministic: the same seed and end date give the same events.
 *
 * The model, per simulated visitor:
 * - arrives on one of the last `days` days (weekdays busier than weekends), between 07:00 and 19:00 UTC;
 * - has a true persona (developers 30%, contact-center 18%, revenue-teams 15%, executives 13%,
 *   systems-integrators 12%, it-operations 12%);
 * - comes from a campaign with `utm_audience` (the persona is inferred right 90% of the time),
 *   a referrer (github.com suggests developers), a partner referral link (`?ref=`), or directly
 *   (no persona inferred: generic page);
 * - lands on `/`, where 5% of visitors with an inferred persona are held out on the generic page;
 * - picks their persona in the switcher with probability 35% when the inference was wrong or
 *   missing, 3% when it was right (a confirmation);
 * - clicks a call to action (32% personalised, 18% otherwise), starts the onboarding flow (55% of
 *   those), completes it (60%) and becomes a lead;
 * - executives and contact-centre leaders run an ROI model 15% of the time;
 * - one visitor in five comes back 1–10 days later for another visit.
 * The rates are invented for the demo; they are not benchmarks.
 */
export interface AnalyticsDemoOptions {
  days?: number;
  visitorsPerDay?: number;
  seed?: number;
  now?: Date;
  /** Partner referral codes to attribute some traffic to. */
  referralCodes?: string[];
  /** Called for each simulated lead, so the caller can create the matching lead record. */
  onLead?: (lead: {
    visitorId: string;
    persona: PersonaSlug;
    at: string;
    referralCode: string | null;
  }) => void;
}

const PERSONAS: readonly (readonly [PersonaSlug, number])[] = [
  ['developers', 30],
  ['contact-center', 18],
  ['revenue-teams', 15],
  ['executives', 13],
  ['systems-integrators', 12],
  ['it-operations', 12],
];
const SOURCES = [
  ['campaign', 45],
  ['referrer', 20],
  ['partner', 8],
  ['direct', 27],
] as const;
const CAMPAIGN_SOURCES = ['newsletter', 'linkedin', 'google-ads'] as const;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export function generateAnalyticsDemo(options: AnalyticsDemoOptions = {}): EventInput[] {
  const days = options.days ?? 90;
  const perDay = options.visitorsPerDay ?? 300;
  const random = createRandom(options.seed ?? 42);
  const end = Date.UTC(
    (options.now ?? new Date()).getUTCFullYear(),
    (options.now ?? new Date()).getUTCMonth(),
    (options.now ?? new Date()).getUTCDate(),
  );
  const refs = options.referralCodes ?? [];
  const events: EventInput[] = [];
  const leads: Lead[] = [];
  let serial = 0;

  for (let d = days; d >= 1; d--) {
    const dayStart = end - d * DAY;
    const weekday = new Date(dayStart).getUTCDay();
    const volume = Math.round(
      perDay *
        (weekday === 0 || weekday === 6 ? 0.4 : weekday === 5 ? 0.8 : 1) *
        (0.85 + random() * 0.3),
    );
    for (let i = 0; i < volume; i++) {
      const visitorId = `demo_${(serial++).toString(36)}`;
      const truePersona = pickWeighted(PERSONAS, random());
      const source =
        refs.length > 0
          ? pickWeighted(SOURCES, random())
          : pickWeighted(
              SOURCES.filter(([s]) => s !== 'partner'),
              random(),
            );
      const visits = random() < 0.2 ? 2 : 1;
      let time = dayStart + (7 + random() * 12) * HOUR;
      for (let v = 0; v < visits; v++) {
        simulateVisit(events, leads, random, {
          visitorId,
          truePersona,
          source: v === 0 ? source : 'direct',
          time,
          refs,
        });
        time += (1 + random() * 9) * DAY;
        if (time > end + DAY) break;
      }
    }
  }
  const nowIso = (options.now ?? new Date()).toISOString();
  for (const lead of leads) if (lead.at <= nowIso) options.onLead?.(lead);
  return events.filter((e) => e.occurredAt! <= nowIso);
}

export type Lead = Parameters<NonNullable<AnalyticsDemoOptions['onLead']>>[0];

function simulateVisit(
  events: EventInput[],
  leads: Lead[],
  random: () => number,
  v: {
    visitorId: string;
    truePersona: PersonaSlug;
    source: (typeof SOURCES)[number][0];
    time: number;
    refs: string[];
  },
): void {
  let t = v.time;
  const at = () => new Date((t += 20_000 + random() * 120_000)).toISOString();
  const utm: EventInput['utm'] = {};
  let referrerHost: string | null = null;
  let partnerRef: string | null = null;
  let inferred: PersonaSlug | null = null;
  let inferredBy: string | null = null;
  if (v.source === 'campaign') {
    utm.source = CAMPAIGN_SOURCES[Math.floor(random() * CAMPAIGN_SOURCES.length)]!;
    utm.medium = utm.source === 'newsletter' ? 'email' : 'cpc';
    inferred = random() < 0.9 ? v.truePersona : pickWeighted(PERSONAS, random());
    inferredBy = 'utm';
  } else if (v.source === 'referrer') {
    referrerHost = random() < 0.5 ? 'github.com' : 'www.google.com';
    if (referrerHost === 'github.com') {
      inferred = 'developers';
      inferredBy = 'referrer';
    }
  } else if (v.source === 'partner') {
    partnerRef = v.refs[Math.floor(random() * v.refs.length)] ?? null;
    inferred = random() < 0.6 ? 'systems-integrators' : v.truePersona;
    inferredBy = 'utm';
  }
  const isHoldout = inferred !== null && random() < 0.05;
  const shown = isHoldout ? null : inferred;
  const common = { visitorId: v.visitorId, referrerHost, partnerRef, utm };
  events.push({ ...common, type: 'page_view', occurredAt: at(), path: '/', persona: shown });
  if (inferred) {
    events.push({
      ...common,
      type: 'experience_viewed',
      occurredAt: at(),
      path: '/',
      persona: inferred,
      variant: isHoldout ? 'holdout' : 'personalized',
      personaSource: inferredBy,
      properties: { isHoldoutEligible: true, isExplicit: false, refusesTracking: false },
    });
  }
  let persona: PersonaSlug | null = shown;
  const isRight = inferred === v.truePersona;
  if (random() < (isRight ? 0.03 : 0.35)) {
    events.push({
      ...common,
      type: 'persona_switched',
      occurredAt: at(),
      path: '/',
      persona: v.truePersona,
      properties: { from: inferred, fromSource: inferredBy ?? 'default', to: v.truePersona },
    });
    persona = v.truePersona;
  }
  const pages = 1 + Math.floor(random() * 4);
  for (let p = 0; p < pages; p++) {
    const path =
      random() < 0.5 ? `/for/${persona ?? v.truePersona}` : random() < 0.5 ? '/solutions' : '/roi';
    events.push({ ...common, type: 'page_view', occurredAt: at(), path, persona });
  }
  if ((v.truePersona === 'executives' || v.truePersona === 'contact-center') && random() < 0.15) {
    events.push({
      ...common,
      type: 'roi_computed',
      occurredAt: at(),
      path: '/roi/attrition',
      persona,
      properties: { model: 'attrition' },
    });
  }
  const personalised = persona !== null && !isHoldout;
  if (random() >= (personalised ? 0.32 : 0.18)) return;
  events.push({
    ...common,
    type: 'cta_clicked',
    occurredAt: at(),
    path: `/for/${persona ?? v.truePersona}`,
    persona,
    properties: { cta: 'start' },
  });
  if (random() >= 0.55) return;
  const flow = persona ?? v.truePersona;
  events.push({
    ...common,
    type: 'flow_started',
    occurredAt: at(),
    path: `/start/${flow}`,
    persona: flow,
  });
  events.push({
    ...common,
    type: 'flow_step_completed',
    occurredAt: at(),
    path: `/start/${flow}`,
    persona: flow,
    properties: { step: 1 },
  });
  if (random() >= 0.6) return;
  const completedAt = at();
  events.push({
    ...common,
    type: 'flow_completed',
    occurredAt: completedAt,
    path: `/start/${flow}`,
    persona: flow,
  });
  events.push({
    ...common,
    type: 'lead_created',
    occurredAt: completedAt,
    path: `/start/${flow}`,
    persona: flow,
  });
  leads.push({ visitorId: v.visitorId, persona: flow, at: completedAt, referralCode: partnerRef });
}

/**
 * Records the synthetic activity once (skipped when demo events already exist), with a lead
 * record for every simulated lead so the leads inbox and speed-to-lead agree with the funnels.
 */
export async function seedAnalyticsDemo(
  db: Db,
  options: AnalyticsDemoOptions = {},
): Promise<number> {
  const existing = await db
    .selectFrom('events')
    .select('id')
    .where('visitor_id', 'like', 'demo_%')
    .limit(1)
    .executeTakeFirst();
  if (existing) return 0;
  const leads: Lead[] = [];
  const codes = await db
    .selectFrom('partners')
    .select('referral_code')
    .where('referral_code', 'is not', null)
    .execute();
  const events = generateAnalyticsDemo({
    referralCodes: codes.map((c) => c.referral_code!),
    ...options,
    onLead: (lead) => leads.push(lead),
  });
  const demoLeads = buildDemoLeads(
    leads,
    createRandom((options.seed ?? 42) + 1),
    options.now ?? new Date(),
  );
  events.push(...demoLeads.responses);
  events.sort((a, b) => (a.occurredAt! < b.occurredAt! ? -1 : 1));
  for (let i = 0; i < events.length; i += 2000)
    await recordEvents(db, events.slice(i, i + 2000), options.now);
  for (let i = 0; i < demoLeads.rows.length; i += 200) {
    await db
      .insertInto('leads')
      .values(demoLeads.rows.slice(i, i + 200))
      .execute();
  }
  return events.length;
}
