import { summariseSteps, type FunnelStepSummary } from '../../../lib/analytics/funnel';
import { previousPeriod, type DashboardFilter } from '../../../lib/analytics/range';
import type { DbOrTx } from '../../db';

export interface FunnelReport {
  current: FunnelStepSummary[];
  previous: FunnelStepSummary[];
  /** Visitors per step, per persona of entry, in the current period. */
  byPersona: { persona: string; steps: number[] }[];
}

async function stepCounts(
  db: DbOrTx,
  funnelId: string,
  filter: DashboardFilter,
  stepCount: number,
) {
  const rows = await db
    .selectFrom('rollup_funnel')
    .select(['persona', 'step', (eb) => eb.fn.sum<number>('count').as('n')])
    .where('funnel_id', '=', funnelId)
    .where('day', '>=', filter.from)
    .where('day', '<=', filter.to)
    .$if(!!filter.persona, (q) => q.where('persona', '=', filter.persona!))
    .groupBy(['persona', 'step'])
    .execute();
  const total = Array<number>(stepCount).fill(0);
  const byPersona = new Map<string, number[]>();
  for (const r of rows) {
    if (r.step >= stepCount) continue;
    total[r.step]! += Number(r.n ?? 0);
    const list = byPersona.get(r.persona) ?? Array<number>(stepCount).fill(0);
    list[r.step]! += Number(r.n ?? 0);
    byPersona.set(r.persona, list);
  }
  return { total, byPersona };
}

/**
 * A funnel's step counts for visitors who entered in the period, by persona of entry, and the
 * same for the period of equal length just before. Reads the funnel rollup only.
 */
export async function funnelReport(
  db: DbOrTx,
  funnelId: string,
  stepCount: number,
  filter: DashboardFilter,
): Promise<FunnelReport> {
  const [current, previous] = await Promise.all([
    stepCounts(db, funnelId, filter, stepCount),
    stepCounts(db, funnelId, previousPeriod(filter), stepCount),
  ]);
  return {
    current: summariseSteps(current.total),
    previous: summariseSteps(previous.total),
    byPersona: [...current.byPersona.entries()]
      .map(([persona, steps]) => ({ persona: persona || 'unknown', steps }))
      .sort((a, b) => (b.steps[0] ?? 0) - (a.steps[0] ?? 0)),
  };
}
