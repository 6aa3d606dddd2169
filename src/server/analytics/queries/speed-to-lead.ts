import { bucketOf, medianOf, RESPONSE_BUCKETS } from '../../../lib/analytics/response-times';
import { endOfDay, type DashboardFilter } from '../../../lib/analytics/range';
import type { DbOrTx } from '../../db';

export interface SpeedToLead {
  leads: number;
  answered: number;
  withinDeadline: number;
  /** Leads still unanswered whose deadline has passed. */
  overdue: number;
  medianMinutes: number | null;
  buckets: { label: string; count: number; isWithinDeadline: boolean }[];
  owners: {
    owner: string;
    leads: number;
    answered: number;
    withinDeadline: number;
    medianMinutes: number | null;
    unanswered: number;
  }[];
  deadlineMinutes: number | null;
}

/**
 * How fast leads from the onboarding flows are answered: the distribution of first-response
 * times, the share answered before their deadline (default 5 minutes), and the same per sales
 * owner. Reads the leads table (one row per lead, not raw events); partner applications, which
 * go to channel managers instead, are left out.
 */
export async function speedToLead(
  db: DbOrTx,
  filter: DashboardFilter,
  now: Date = new Date(),
): Promise<SpeedToLead> {
  const rows = await db
    .selectFrom('leads')
    .select(['owner_key', 'created_at', 'response_due_at', 'first_response_at'])
    .where('owner_key', 'is not', null)
    .where('created_at', '>=', filter.from)
    .where('created_at', '<=', endOfDay(filter.to))
    .$if(!!filter.persona, (q) => q.where('persona', '=', filter.persona!))
    .execute();
  const minutes = (r: (typeof rows)[number]) =>
    r.first_response_at
      ? (Date.parse(r.first_response_at) - Date.parse(r.created_at)) / 60_000
      : null;
  const isOnTime = (r: (typeof rows)[number]) =>
    !!r.first_response_at && !!r.response_due_at && r.first_response_at <= r.response_due_at;
  const answered = rows.filter((r) => r.first_response_at);
  const counts = RESPONSE_BUCKETS.map(() => 0);
  for (const r of answered) counts[bucketOf(minutes(r)!)]!++;
  const deadlines = rows
    .filter((r) => r.response_due_at)
    .map((r) => (Date.parse(r.response_due_at!) - Date.parse(r.created_at)) / 60_000);
  const deadlineMinutes = medianOf(deadlines);
  const owners = new Map<string, typeof rows>();
  for (const r of rows) owners.set(r.owner_key!, [...(owners.get(r.owner_key!) ?? []), r]);
  return {
    leads: rows.length,
    answered: answered.length,
    withinDeadline: rows.filter(isOnTime).length,
    overdue: rows.filter(
      (r) => !r.first_response_at && r.response_due_at && r.response_due_at < now.toISOString(),
    ).length,
    medianMinutes: medianOf(answered.map((r) => minutes(r)!)),
    buckets: RESPONSE_BUCKETS.map((b, i) => ({
      label: b.label,
      count: counts[i]!,
      isWithinDeadline: deadlineMinutes !== null && b.maxMinutes <= deadlineMinutes,
    })),
    owners: [...owners.entries()]
      .map(([owner, list]) => {
        const done = list.filter((r) => r.first_response_at);
        return {
          owner,
          leads: list.length,
          answered: done.length,
          withinDeadline: list.filter(isOnTime).length,
          medianMinutes: medianOf(done.map((r) => minutes(r)!)),
          unanswered: list.length - done.length,
        };
      })
      .sort((a, b) => b.leads - a.leads),
    deadlineMinutes,
  };
}
