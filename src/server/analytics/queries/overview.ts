import { sql } from 'kysely';
import { eachDay, type DashboardFilter } from '../../../lib/analytics/range';
import type { DbOrTx } from '../../db';

export interface Overview {
  days: { day: string; visitors: number; sessions: number; pageViews: number }[];
  byPersona: { persona: string; visitorDays: number; sessions: number }[];
  bySource: { source: string; sessions: number }[];
  totals: { visitorDays: number; sessions: number; pageViews: number };
}

/**
 * Traffic over time, by persona and by source, from the rollups: daily unique visitors
 * (a visitor counts once per day; summed over days this is "visitor-days"), visits and page
 * views. Never reads raw events.
 */
export async function overview(db: DbOrTx, filter: DashboardFilter): Promise<Overview> {
  const segment = filter.persona ? `persona:${filter.persona}` : 'all';
  const [visitors, sessions, views, personaVisitors, personaSessions, sources] = await Promise.all([
    db
      .selectFrom('rollup_visitors')
      .select(['day', (eb) => eb.fn.countAll<number>().as('n')])
      .where('segment', '=', segment)
      .where('day', '>=', filter.from)
      .where('day', '<=', filter.to)
      .groupBy('day')
      .execute(),
    db
      .selectFrom('rollup_sessions')
      .select(['day', (eb) => eb.fn.sum<number>('count').as('n')])
      .where('day', '>=', filter.from)
      .where('day', '<=', filter.to)
      .$if(!!filter.persona, (q) => q.where('persona', '=', filter.persona!))
      .groupBy('day')
      .execute(),
    db
      .selectFrom('rollup_events')
      .select(['day', (eb) => eb.fn.sum<number>('count').as('n')])
      .where('type', '=', 'page_view')
      .where('day', '>=', filter.from)
      .where('day', '<=', filter.to)
      .$if(!!filter.persona, (q) => q.where('persona', '=', filter.persona!))
      .groupBy('day')
      .execute(),
    db
      .selectFrom('rollup_visitors')
      .select(['segment', (eb) => eb.fn.countAll<number>().as('n')])
      .where('segment', 'like', 'persona:%')
      .where('day', '>=', filter.from)
      .where('day', '<=', filter.to)
      .groupBy('segment')
      .execute(),
    db
      .selectFrom('rollup_sessions')
      .select(['persona', (eb) => eb.fn.sum<number>('count').as('n')])
      .where('day', '>=', filter.from)
      .where('day', '<=', filter.to)
      .groupBy('persona')
      .execute(),
    db
      .selectFrom('rollup_sessions')
      .select(['source', (eb) => eb.fn.sum<number>('count').as('n')])
      .where('day', '>=', filter.from)
      .where('day', '<=', filter.to)
      .$if(!!filter.persona, (q) => q.where('persona', '=', filter.persona!))
      .groupBy('source')
      .orderBy(sql`sum(count)`, 'desc')
      .execute(),
  ]);
  const byDay = (rows: { day: string; n: number | string | null }[]) =>
    new Map(rows.map((r) => [r.day, Number(r.n ?? 0)]));
  const v = byDay(visitors);
  const s = byDay(sessions);
  const p = byDay(views);
  const days = eachDay(filter.from, filter.to).map((day) => ({
    day,
    visitors: v.get(day) ?? 0,
    sessions: s.get(day) ?? 0,
    pageViews: p.get(day) ?? 0,
  }));
  const sessionsByPersona = new Map(personaSessions.map((r) => [r.persona, Number(r.n ?? 0)]));
  const byPersona = personaVisitors
    .map((r) => {
      const persona = r.segment.slice('persona:'.length);
      return { persona, visitorDays: Number(r.n), sessions: sessionsByPersona.get(persona) ?? 0 };
    })
    .sort((a, b) => b.visitorDays - a.visitorDays);
  return {
    days,
    byPersona,
    bySource: sources.map((r) => ({ source: r.source, sessions: Number(r.n ?? 0) })),
    totals: {
      visitorDays: days.reduce((a, d) => a + d.visitors, 0),
      sessions: days.reduce((a, d) => a + d.sessions, 0),
      pageViews: days.reduce((a, d) => a + d.pageViews, 0),
    },
  };
}
