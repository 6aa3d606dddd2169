import { sql } from 'kysely';
import { eachDay, type DashboardFilter } from '../../../lib/analytics/range';
import type { DbOrTx } from '../../db';

export interface Overview {
  days: { day: string; visitors: number; sessions: number; pageViews: number }[];
  byPersona: { persona: string; visitorDays: number; sessions: number }[];
  bySource: { source: string; sessions: number }[];
  totals: { visitorDays: number; sessions: number; pageViews: number };
}

type Count = { key: string; n: number | string | null };
const asMap = (rows: Count[]) => new Map(rows.map((r) => [r.key, Number(r.n ?? 0)]));

/** Unique visitors per day in one segment ('all', 'persona:<slug>'). */
function visitorsPerDay(db: DbOrTx, f: DashboardFilter, segment: string): Promise<Count[]> {
  return db
    .selectFrom('rollup_visitors')
    .select(['day as key', (eb) => eb.fn.countAll<number>().as('n')])
    .where('segment', '=', segment)
    .where('day', '>=', f.from)
    .where('day', '<=', f.to)
    .groupBy('day')
    .execute();
}

/** Visits per day, or per persona or source, for the filter's persona when it has one. */
function sessionsBy(
  db: DbOrTx,
  f: DashboardFilter,
  key: 'day' | 'persona' | 'source',
  personaFilter: boolean,
): Promise<Count[]> {
  return db
    .selectFrom('rollup_sessions')
    .select([`${key} as key`, (eb) => eb.fn.sum<number>('count').as('n')])
    .where('day', '>=', f.from)
    .where('day', '<=', f.to)
    .$if(personaFilter && !!f.persona, (q) => q.where('persona', '=', f.persona!))
    .groupBy(key)
    .orderBy(sql`sum(count)`, 'desc')
    .execute();
}

function pageViewsPerDay(db: DbOrTx, f: DashboardFilter): Promise<Count[]> {
  return db
    .selectFrom('rollup_events')
    .select(['day as key', (eb) => eb.fn.sum<number>('count').as('n')])
    .where('type', '=', 'page_view')
    .where('day', '>=', f.from)
    .where('day', '<=', f.to)
    .$if(!!f.persona, (q) => q.where('persona', '=', f.persona!))
    .groupBy('day')
    .execute();
}

/** Visitor-days per persona segment. */
function visitorsPerPersona(db: DbOrTx, f: DashboardFilter): Promise<Count[]> {
  return db
    .selectFrom('rollup_visitors')
    .select(['segment as key', (eb) => eb.fn.countAll<number>().as('n')])
    .where('segment', 'like', 'persona:%')
    .where('day', '>=', f.from)
    .where('day', '<=', f.to)
    .groupBy('segment')
    .execute();
}

/**
 * Traffic over time, by persona and by source, from the rollups: daily unique visitors
 * (a visitor counts once per day; summed over days this is "visitor-days"), visits and page
 * views. Never reads raw events.
 */
export async function overview(db: DbOrTx, filter: DashboardFilter): Promise<Overview> {
  const segment = filter.persona ? `persona:${filter.persona}` : 'all';
  const [visitors, sessions, views, personaVisitors, personaSessions, sources] = await Promise.all([
    visitorsPerDay(db, filter, segment),
    sessionsBy(db, filter, 'day', true),
    pageViewsPerDay(db, filter),
    visitorsPerPersona(db, filter),
    sessionsBy(db, filter, 'persona', false),
    sessionsBy(db, filter, 'source', true),
  ]);
  const v = asMap(visitors);
  const s = asMap(sessions);
  const p = asMap(views);
  const days = eachDay(filter.from, filter.to).map((day) => ({
    day,
    visitors: v.get(day) ?? 0,
    sessions: s.get(day) ?? 0,
    pageViews: p.get(day) ?? 0,
  }));
  const sessionsByPersona = asMap(personaSessions);
  return {
    days,
    byPersona: personaVisitors
      .map((r) => {
        const persona = r.key.slice('persona:'.length);
        return { persona, visitorDays: Number(r.n), sessions: sessionsByPersona.get(persona) ?? 0 };
      })
      .sort((a, b) => b.visitorDays - a.visitorDays),
    bySource: sources.map((r) => ({ source: r.key, sessions: Number(r.n ?? 0) })),
    totals: {
      visitorDays: days.reduce((a, d) => a + d.visitors, 0),
      sessions: days.reduce((a, d) => a + d.sessions, 0),
      pageViews: days.reduce((a, d) => a + d.pageViews, 0),
    },
  };
}
