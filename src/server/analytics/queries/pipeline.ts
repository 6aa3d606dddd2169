import { PENDING_REVIEW_STATUSES, type DealStatus } from '../../../lib/deals/statuses';
import { medianOf } from '../../../lib/analytics/response-times';
import { endOfDay, type DashboardFilter } from '../../../lib/analytics/range';
import type { DbOrTx } from '../../db';

/** Deal statuses in pipeline order (closed outcomes after the open stages). */
const PIPELINE_STAGES = [
  'draft',
  'submitted',
  'under_review',
  'returned',
  'approved',
  'won',
  'lost',
  'rejected',
  'expired',
] as const satisfies readonly DealStatus[];

interface Money {
  valueCents: number;
  currency: string;
}

export interface PipelineGroup {
  key: string;
  label: string;
  deals: number;
  /** Summed per currency, largest first (deals are never converted between currencies). */
  values: Money[];
  won: number;
  lost: number;
  /** won ÷ (won + lost); null until a deal closes. */
  winRate: number | null;
}

export interface Pipeline {
  byStage: PipelineGroup[];
  byPartner: PipelineGroup[];
  byTemplate: PipelineGroup[];
  decisions: {
    decided: number;
    withinDeadline: number;
    medianHours: number | null;
    overdueOpen: number;
  };
  expiringSoon: {
    id: string;
    customer: string;
    partner: string;
    protectedUntil: string;
    valueCents: number;
    currency: string;
  }[];
}

type Row = {
  status: string;
  value_cents: number;
  currency: string;
  partner_id: string;
  partner_name: string;
  template_slug: string | null;
};

function group(
  rows: Row[],
  keyOf: (r: Row) => string,
  labelOf: (r: Row) => string,
): PipelineGroup[] {
  const groups = new Map<string, { label: string; rows: Row[] }>();
  for (const r of rows) {
    const key = keyOf(r);
    const g = groups.get(key) ?? { label: labelOf(r), rows: [] };
    g.rows.push(r);
    groups.set(key, g);
  }
  return [...groups.entries()].map(([key, g]) => {
    const totals = new Map<string, number>();
    for (const r of g.rows)
      totals.set(r.currency, (totals.get(r.currency) ?? 0) + Number(r.value_cents));
    const won = g.rows.filter((r) => r.status === 'won').length;
    const lost = g.rows.filter((r) => r.status === 'lost').length;
    return {
      key,
      label: g.label,
      deals: g.rows.length,
      values: [...totals.entries()]
        .map(([currency, valueCents]) => ({ currency, valueCents }))
        .sort((a, b) => b.valueCents - a.valueCents),
      won,
      lost,
      winRate: won + lost > 0 ? won / (won + lost) : null,
    };
  });
}

function dealsRegistered(db: DbOrTx, from: string, to: string) {
  return db
    .selectFrom('deals')
    .innerJoin('partners', 'partners.id', 'deals.partner_id')
    .select([
      'deals.status',
      'deals.value_cents',
      'deals.currency',
      'deals.partner_id',
      'partners.name as partner_name',
      'deals.template_slug',
    ])
    .where('deals.created_at', '>=', from)
    .where('deals.created_at', '<=', to)
    .execute();
}

function decisionsMade(db: DbOrTx, from: string, to: string) {
  return db
    .selectFrom('deals')
    .select(['decision_seconds', 'decided_at', 'review_due_at'])
    .where('decided_at', '>=', from)
    .where('decided_at', '<=', to)
    .where('decision_seconds', 'is not', null)
    .execute();
}

function countOverdueReviews(db: DbOrTx, nowIso: string) {
  return db
    .selectFrom('deals')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('status', 'in', PENDING_REVIEW_STATUSES)
    .where('review_due_at', '<', nowIso)
    .executeTakeFirstOrThrow();
}

function protectionEndingSoon(db: DbOrTx, nowIso: string, untilIso: string) {
  return db
    .selectFrom('deals')
    .innerJoin('partners', 'partners.id', 'deals.partner_id')
    .select([
      'deals.id',
      'deals.customer_name',
      'partners.name as partner_name',
      'deals.protected_until',
      'deals.value_cents',
      'deals.currency',
    ])
    .where('deals.status', '=', 'approved')
    .where('deals.protected_until', '>=', nowIso)
    .where('deals.protected_until', '<=', untilIso)
    .orderBy('deals.protected_until')
    .limit(50)
    .execute();
}

/**
 * What partners bring: deals registered in the period by stage, partner and solution template,
 * with value per currency and win rate; how review decisions compare with their deadline; and
 * approved deals whose protection ends within 14 days. Reads the deals table, never events.
 */
export async function pipeline(
  db: DbOrTx,
  filter: DashboardFilter,
  now: Date = new Date(),
): Promise<Pipeline> {
  const end = endOfDay(filter.to);
  const nowIso = now.toISOString();
  const [rows, decided, overdue, expiring] = await Promise.all([
    dealsRegistered(db, filter.from, end),
    decisionsMade(db, filter.from, end),
    countOverdueReviews(db, nowIso),
    protectionEndingSoon(db, nowIso, new Date(now.getTime() + 14 * 86_400_000).toISOString()),
  ]);
  const order = new Map<string, number>(PIPELINE_STAGES.map((s, i) => [s, i]));
  return {
    byStage: group(
      rows,
      (r) => r.status,
      (r) => r.status.replace('_', ' '),
    ).sort((a, b) => (order.get(a.key) ?? 99) - (order.get(b.key) ?? 99)),
    byPartner: group(
      rows,
      (r) => r.partner_id,
      (r) => r.partner_name,
    ).sort((a, b) => b.deals - a.deals),
    byTemplate: group(
      rows,
      (r) => r.template_slug ?? '',
      (r) => r.template_slug ?? 'No template',
    ).sort((a, b) => b.deals - a.deals),
    decisions: {
      decided: decided.length,
      withinDeadline: decided.filter(
        (d) => d.review_due_at && d.decided_at && d.decided_at <= d.review_due_at,
      ).length,
      medianHours: medianOf(decided.map((d) => Number(d.decision_seconds) / 3600)),
      overdueOpen: Number(overdue.n),
    },
    expiringSoon: expiring.map((d) => ({
      id: d.id,
      customer: d.customer_name,
      partner: d.partner_name,
      protectedUntil: d.protected_until!,
      valueCents: Number(d.value_cents),
      currency: d.currency,
    })),
  };
}
