import { median } from 'd3-array';
import { ROI_MODEL_IDS } from '../../../lib/catalog';
import { endOfDay, type DashboardFilter } from '../../../lib/analytics/range';
import type { DbOrTx } from '../../db';

export interface RoiUsage {
  models: {
    model: string;
    scenarios: number;
    shared: number;
    /** Median NPV of the scenarios saved in the period, per currency (cents). */
    medianNpvCents: number | null;
    currency: string | null;
    calculatorRuns: number;
  }[];
}

/**
 * Which ROI models people use: scenarios saved in the period per model with their median NPV
 * (in the most common currency), how many were shared, and calculator runs reported by the
 * browser (`roi_computed`, from the rollups; the only part the persona filter applies to).
 */
export async function roiUsage(db: DbOrTx, filter: DashboardFilter): Promise<RoiUsage> {
  const end = endOfDay(filter.to);
  const [scenarios, shares, runs] = await Promise.all([
    db
      .selectFrom('roi_scenarios')
      .select(['model', 'currency', 'summary'])
      .where('created_at', '>=', filter.from)
      .where('created_at', '<=', end)
      .execute(),
    db
      .selectFrom('roi_scenario_shares')
      .innerJoin('roi_scenarios', 'roi_scenarios.id', 'roi_scenario_shares.scenario_id')
      .select([
        'roi_scenarios.model',
        (eb) => eb.fn.count<number>('roi_scenario_shares.id').as('n'),
      ])
      .where('roi_scenario_shares.created_at', '>=', filter.from)
      .where('roi_scenario_shares.created_at', '<=', end)
      .groupBy('roi_scenarios.model')
      .execute(),
    db
      .selectFrom('rollup_events')
      .select(['path', (eb) => eb.fn.sum<number>('count').as('n')])
      .where('type', '=', 'roi_computed')
      .where('day', '>=', filter.from)
      .where('day', '<=', filter.to)
      .$if(!!filter.persona, (q) => q.where('persona', '=', filter.persona!))
      .groupBy('path')
      .execute(),
  ]);
  return {
    models: ROI_MODEL_IDS.map((model) => {
      const mine = scenarios.filter((s) => s.model === model);
      const currencies = new Map<string, number[]>();
      for (const s of mine) {
        const npv = (JSON.parse(s.summary) as { npvCents?: number }).npvCents;
        if (typeof npv === 'number' && Number.isFinite(npv))
          currencies.set(s.currency, [...(currencies.get(s.currency) ?? []), npv]);
      }
      const [currency, npvs] = [...currencies.entries()].sort(
        (a, b) => b[1].length - a[1].length,
      )[0] ?? [null, []];
      return {
        model,
        scenarios: mine.length,
        shared: Number(shares.find((s) => s.model === model)?.n ?? 0),
        medianNpvCents: npvs.length ? Math.round(median(npvs) ?? 0) : null,
        currency,
        calculatorRuns: runs
          .filter((r) => r.path === `/roi/${model}`)
          .reduce((a, r) => a + Number(r.n ?? 0), 0),
      };
    }),
  };
}
