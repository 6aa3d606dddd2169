import { isWebsiteTraffic } from '../../lib/events';
import { computeFunnelCounts, type FunnelDefinition } from '../../lib/analytics/funnel';
import { sessionSource } from '../../lib/analytics/sessions';
import type { DbOrTx } from '../db';
import { ATTRIBUTION_WINDOW_MS, CONVERSION_TYPE, countedPath, isHoldoutEligible } from './rollups';

export interface RollupSnapshot {
  events: Record<string, number>;
  visitors: string[];
  sessions: Record<string, number>;
  lift: Record<string, { exposed: number; converted: number }>;
  switches: Record<string, number>;
  funnels: Record<string, number>;
  referrals: Record<string, { sessions: number; pageViews: number }>;
}

const emptySnapshot = (): RollupSnapshot => ({
  events: {},
  visitors: [],
  sessions: {},
  lift: {},
  switches: {},
  funnels: {},
  referrals: {},
});

const day = (iso: string) => iso.slice(0, 10);
const inc = (map: Record<string, number>, key: string, by = 1) => (map[key] = (map[key] ?? 0) + by);

/**
 * Computes every rollup from the raw events alone, in recording order. It is the reference
 * the incremental rollups are tested against, and a way to rebuild them after a bug fix.
 */
export async function recomputeRollups(
  db: DbOrTx,
  funnels: FunnelDefinition[],
): Promise<RollupSnapshot> {
  const rows = await db.selectFrom('events').selectAll().orderBy('id').execute();
  const out = emptySnapshot();
  const visitors = new Set<string>();
  const seenSessions = new Set<string>();
  const firstOfSession = new Map<string, number>();
  const exposures = new Map<
    string,
    { persona: string; variant: string; at: string; converted: boolean }[]
  >();
  const exposedKeys = new Set<string>();
  const liftRow = (key: string) => (out.lift[key] ??= { exposed: 0, converted: 0 });

  for (const e of rows) {
    const d = day(e.occurred_at);
    inc(out.events, [d, e.persona ?? '', e.variant ?? '', e.type, countedPath(e)].join('|'));
    const isTraffic = isWebsiteTraffic(e.type);
    if (isTraffic) visitors.add(`${d}|all|${e.visitor_id}`);
    if (isTraffic && e.persona) visitors.add(`${d}|persona:${e.persona}|${e.visitor_id}`);
    if (e.session_id && !seenSessions.has(e.session_id)) {
      seenSessions.add(e.session_id);
      firstOfSession.set(e.session_id, e.id);
      inc(
        out.sessions,
        [d, e.persona ?? '', sessionSource(e.utm_source, e.referrer_host)].join('|'),
      );
    }
    if (
      e.type === 'experience_viewed' &&
      e.persona &&
      e.variant &&
      isHoldoutEligible(e.properties) &&
      !exposedKeys.has(`${e.visitor_id}|${e.persona}`)
    ) {
      exposedKeys.add(`${e.visitor_id}|${e.persona}`);
      const list = exposures.get(e.visitor_id) ?? [];
      list.push({ persona: e.persona, variant: e.variant, at: e.occurred_at, converted: false });
      exposures.set(e.visitor_id, list);
      liftRow([d, e.persona, e.variant].join('|')).exposed++;
    }
    if (e.type === CONVERSION_TYPE) {
      const since = new Date(Date.parse(e.occurred_at) - ATTRIBUTION_WINDOW_MS).toISOString();
      for (const x of exposures.get(e.visitor_id) ?? []) {
        if (!x.converted && x.at >= since && x.at <= e.occurred_at) {
          x.converted = true;
          liftRow([day(x.at), x.persona, x.variant].join('|')).converted++;
        }
      }
    }
    if (e.partner_ref && isTraffic) {
      const isStart = e.session_id !== null && firstOfSession.get(e.session_id) === e.id;
      const isView = e.type === 'page_view';
      if (isStart || isView) {
        const row = (out.referrals[`${d}|${e.partner_ref}`] ??= { sessions: 0, pageViews: 0 });
        if (isStart) row.sessions++;
        if (isView) row.pageViews++;
      }
      visitors.add(`${d}|ref:${e.partner_ref}|${e.visitor_id}`);
    }
    if (e.type === 'persona_switched') {
      const p = JSON.parse(e.properties) as {
        from?: string | null;
        fromSource?: string | null;
        to?: string;
      };
      inc(out.switches, [d, p.from ?? '', p.fromSource ?? '', p.to ?? e.persona ?? ''].join('|'));
      visitors.add(`${d}|switched|${e.visitor_id}`);
    }
  }
  out.visitors = [...visitors].sort();
  const funnelEvents = rows.map((e) => ({
    visitorId: e.visitor_id,
    type: e.type,
    path: e.path,
    persona: e.persona,
    at: Date.parse(e.occurred_at),
  }));
  for (const funnel of funnels) {
    for (const [key, n] of computeFunnelCounts(funnel, funnelEvents))
      inc(out.funnels, `${funnel.id}|${key}`, n);
  }
  return out;
}

/** The incremental rollup tables in the same shape, for comparison. */
export async function readRollups(db: DbOrTx): Promise<RollupSnapshot> {
  const out = emptySnapshot();
  for (const r of await db.selectFrom('rollup_events').selectAll().execute())
    out.events[[r.day, r.persona, r.variant, r.type, r.path].join('|')] = Number(r.count);
  out.visitors = (await db.selectFrom('rollup_visitors').selectAll().execute())
    .map((r) => `${r.day}|${r.segment}|${r.visitor_id}`)
    .sort();
  for (const r of await db.selectFrom('rollup_sessions').selectAll().execute())
    out.sessions[[r.day, r.persona, r.source].join('|')] = Number(r.count);
  for (const r of await db.selectFrom('rollup_lift').selectAll().execute()) {
    out.lift[[r.day, r.persona, r.variant].join('|')] = {
      exposed: Number(r.exposed),
      converted: Number(r.converted),
    };
  }
  for (const r of await db.selectFrom('rollup_switches').selectAll().execute()) {
    out.switches[[r.day, r.from_persona, r.from_source, r.to_persona].join('|')] = Number(r.count);
  }
  for (const r of await db.selectFrom('rollup_referrals').selectAll().execute()) {
    out.referrals[`${r.day}|${r.partner_ref}`] = {
      sessions: Number(r.sessions),
      pageViews: Number(r.page_views),
    };
  }
  for (const r of await db.selectFrom('rollup_funnel').selectAll().execute())
    out.funnels[[r.funnel_id, r.day, r.persona, r.step].join('|')] = Number(r.count);
  return out;
}
