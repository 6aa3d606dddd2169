import type { DashboardFilter } from '../../../lib/analytics/range';
import type { DbOrTx } from '../../db';

export interface InferenceReport {
  /** Inferred persona (row) against the persona the visitor chose (column). */
  matrix: { inferred: string; chosen: string; count: number }[];
  /** By how the inferred persona was decided (utm, referrer, path…). */
  bySource: { source: string; switches: number; kept: number }[];
  switchedVisitorDays: number;
  visitorDays: number;
}

/**
 * How good persona inference is: every time a visitor picks a persona, the persona the site
 * had inferred for them and how it was inferred. A pick equal to the inferred persona is a
 * confirmation (the diagonal).
 */
export async function inferenceReport(
  db: DbOrTx,
  filter: DashboardFilter,
): Promise<InferenceReport> {
  const [pairs, switched, all] = await Promise.all([
    db
      .selectFrom('rollup_switches')
      .select([
        'from_persona',
        'from_source',
        'to_persona',
        (eb) => eb.fn.sum<number>('count').as('n'),
      ])
      .where('day', '>=', filter.from)
      .where('day', '<=', filter.to)
      .$if(!!filter.persona, (q) =>
        q.where((eb) =>
          eb.or([eb('from_persona', '=', filter.persona!), eb('to_persona', '=', filter.persona!)]),
        ),
      )
      .groupBy(['from_persona', 'from_source', 'to_persona'])
      .execute(),
    db
      .selectFrom('rollup_visitors')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('segment', '=', 'switched')
      .where('day', '>=', filter.from)
      .where('day', '<=', filter.to)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('rollup_visitors')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('segment', '=', filter.persona ? `persona:${filter.persona}` : 'all')
      .where('day', '>=', filter.from)
      .where('day', '<=', filter.to)
      .executeTakeFirstOrThrow(),
  ]);
  const matrix = new Map<string, { inferred: string; chosen: string; count: number }>();
  const sources = new Map<string, { source: string; switches: number; kept: number }>();
  for (const r of pairs) {
    const inferred = r.from_persona || 'generic';
    const key = `${inferred}|${r.to_persona}`;
    const cell = matrix.get(key) ?? { inferred, chosen: r.to_persona, count: 0 };
    cell.count += Number(r.n ?? 0);
    matrix.set(key, cell);
    const source = sources.get(r.from_source || 'default') ?? {
      source: r.from_source || 'default',
      switches: 0,
      kept: 0,
    };
    if (r.from_persona === r.to_persona) source.kept += Number(r.n ?? 0);
    else source.switches += Number(r.n ?? 0);
    sources.set(source.source, source);
  }
  return {
    matrix: [...matrix.values()],
    bySource: [...sources.values()].sort((a, b) => b.switches + b.kept - (a.switches + a.kept)),
    switchedVisitorDays: Number(switched.n),
    visitorDays: Number(all.n),
  };
}
