import {
  ATTRIBUTION_WINDOW_DAYS,
  attribute,
  attributeTouches,
  dealMotion,
  leadMotion,
  linkDealToLead,
  type AttributionReport,
  type Conversion,
  type LeadCandidate,
  type TouchEvent,
} from '../../../lib/analytics/attribution';
import { endOfDay, type DashboardFilter } from '../../../lib/analytics/range';
import { BUSINESS_EVENT_TYPES } from '../../../lib/events';
import type { DbOrTx } from '../../db';

const DAY_MS = 86_400_000;
const CHUNK = 500;

export interface Attribution extends AttributionReport {
  /** Partner names by referral code, for the partner-referral dimension. */
  partnerNames: Record<string, string>;
}

function chunks<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK));
  return out;
}

function leadsCreated(db: DbOrTx, from: string, to: string) {
  return db
    .selectFrom('leads')
    .select(['id', 'created_at', 'visitor_id', 'referral_code'])
    .where('created_at', '>=', from)
    .where('created_at', '<=', to)
    .execute();
}

/** Deals registered (first submitted) in the period; drafts are not registered yet. */
function dealsRegistered(db: DbOrTx, from: string, to: string) {
  return db
    .selectFrom('deals')
    .select([
      'id',
      'submitted_at',
      'status',
      'value_cents',
      'currency',
      'template_slug',
      'contact_email',
      'domain_key',
    ])
    .where('submitted_at', 'is not', null)
    .where('submitted_at', '>=', from)
    .where('submitted_at', '<=', to)
    .execute();
}

/** Leads with a visitor that share a deal's contact e-mail or registrable domain. */
async function leadsForDeals(
  db: DbOrTx,
  emails: string[],
  domains: string[],
  until: string,
): Promise<LeadCandidate[]> {
  const out = new Map<string, LeadCandidate>();
  const find = async (column: 'email' | 'company_domain', values: string[]) => {
    for (const part of chunks([...new Set(values)])) {
      const rows = await db
        .selectFrom('leads')
        .select(['id', 'created_at', 'email', 'company_domain', 'visitor_id'])
        .where(column, 'in', part)
        .where('visitor_id', 'is not', null)
        .where('created_at', '<=', until)
        .execute();
      for (const r of rows)
        out.set(r.id, {
          id: r.id,
          createdAt: r.created_at,
          email: r.email,
          companyDomain: r.company_domain,
          visitorId: r.visitor_id,
        });
    }
  };
  if (emails.length) await find('email', emails);
  if (domains.length) await find('company_domain', domains);
  return [...out.values()];
}

/**
 * The website-traffic events of these visitors between 90 days before their earliest
 * conversion and their latest one. Reads raw events (the rollups keep no per-visitor order),
 * through the (visitor_id, occurred_at) index.
 */
async function touchEvents(
  db: DbOrTx,
  conversionsByVisitor: Map<string, string[]>,
): Promise<Map<string, TouchEvent[]>> {
  const byVisitor = new Map<string, TouchEvent[]>();
  for (const part of chunks([...conversionsByVisitor.keys()])) {
    const times = part.flatMap((v) => conversionsByVisitor.get(v)!.map((t) => Date.parse(t)));
    const from = new Date(Math.min(...times) - ATTRIBUTION_WINDOW_DAYS * DAY_MS).toISOString();
    const to = new Date(Math.max(...times)).toISOString();
    const rows = await db
      .selectFrom('events')
      .select([
        'id',
        'visitor_id',
        'type',
        'occurred_at',
        'persona',
        'variant',
        'utm_source',
        'utm_campaign',
        'partner_ref',
        'session_id',
      ])
      .where('visitor_id', 'in', part)
      .where('occurred_at', '>=', from)
      .where('occurred_at', '<=', to)
      .where('type', 'not in', BUSINESS_EVENT_TYPES)
      .execute();
    for (const r of rows) {
      const list = byVisitor.get(r.visitor_id) ?? [];
      list.push({
        id: Number(r.id),
        type: r.type,
        occurredAt: r.occurred_at,
        persona: r.persona,
        variant: r.variant,
        utmSource: r.utm_source,
        utmCampaign: r.utm_campaign,
        partnerRef: r.partner_ref,
        sessionId: r.session_id,
      });
      byVisitor.set(r.visitor_id, list);
    }
  }
  return byVisitor;
}

async function partnerNames(db: DbOrTx): Promise<Record<string, string>> {
  const rows = await db
    .selectFrom('partners')
    .select(['referral_code', 'name'])
    .where('referral_code', 'is not', null)
    .execute();
  return Object.fromEntries(rows.map((r) => [r.referral_code!, r.name]));
}

/**
 * What it was worth: leads created and deals registered in the period, with the value of those
 * deals won so far, credited to the first and the last touch of their visitor in the 90 days
 * before (src/lib/analytics/attribution.ts has the rules). A lead's visitor is its own; a deal's
 * is the visitor of the lead it links to by contact e-mail or domain. Conversions without a
 * visitor or a touch count under their motion with the touch "none (direct)".
 */
export async function attribution(db: DbOrTx, filter: DashboardFilter): Promise<Attribution> {
  const from = filter.from;
  const to = endOfDay(filter.to);
  const [leads, deals, names] = await Promise.all([
    leadsCreated(db, from, to),
    dealsRegistered(db, from, to),
    partnerNames(db),
  ]);
  const candidates = await leadsForDeals(
    db,
    deals.map((d) => d.contact_email.toLowerCase()),
    deals.flatMap((d) => (d.domain_key ? [d.domain_key] : [])),
    to,
  );
  const pending: { conversion: Omit<Conversion, 'touches'>; visitor: string | null; at: string }[] =
    [
      ...leads.map((l) => ({
        conversion: {
          kind: 'lead' as const,
          id: l.id,
          motion: leadMotion({ referralCode: l.referral_code }),
          won: null,
        },
        visitor: l.visitor_id,
        at: l.created_at,
      })),
      ...deals.map((d) => ({
        conversion: {
          kind: 'deal' as const,
          id: d.id,
          motion: dealMotion({ templateSlug: d.template_slug }),
          won:
            d.status === 'won' ? { valueCents: Number(d.value_cents), currency: d.currency } : null,
        },
        visitor:
          linkDealToLead(
            {
              registeredAt: d.submitted_at!,
              contactEmail: d.contact_email,
              domainKey: d.domain_key,
            },
            candidates,
          )?.visitorId ?? null,
        at: d.submitted_at!,
      })),
    ];
  const byVisitor = new Map<string, string[]>();
  for (const p of pending)
    if (p.visitor) byVisitor.set(p.visitor, [...(byVisitor.get(p.visitor) ?? []), p.at]);
  const events = await touchEvents(db, byVisitor);
  const conversions: Conversion[] = pending.map((p) => ({
    ...p.conversion,
    touches: attributeTouches(p.visitor ? (events.get(p.visitor) ?? []) : [], p.at),
  }));
  return { ...attribute(conversions), partnerNames: names };
}
