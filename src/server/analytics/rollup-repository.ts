import { sql } from 'kysely';
import { dialectOf, type DbOrTx } from '../db';

/** Adds counts to rollup rows, creating them as needed. Keys must be unique within one call. */

/**
 * Rows in the order of their conflict key. Two transactions upserting the same rollup rows
 * (two flushes, two PostgreSQL workers) then lock them in the same order and wait for each
 * other instead of deadlocking.
 */
function inLockOrder<T extends Record<string, unknown>>(
  rows: T[],
  key: readonly (keyof T & string)[],
): T[] {
  const keyOf = (row: T) => key.map((column) => String(row[column] ?? '')).join('\u0000');
  return [...rows].sort((a, b) => {
    const x = keyOf(a);
    const y = keyOf(b);
    return x < y ? -1 : x > y ? 1 : 0;
  });
}

export async function addEventCounts(
  db: DbOrTx,
  rows: {
    day: string;
    persona: string;
    variant: string;
    type: string;
    path: string;
    count: number;
  }[],
): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insertInto('rollup_events')
    .values(inLockOrder(rows, ['day', 'persona', 'variant', 'type', 'path']))
    .onConflict((oc) =>
      oc.columns(['day', 'persona', 'variant', 'type', 'path']).doUpdateSet({
        count: sql<number>`rollup_events.count + excluded.count`,
      }),
    )
    .execute();
}

export async function addReferralCounts(
  db: DbOrTx,
  rows: { day: string; partner_ref: string; sessions: number; page_views: number }[],
): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insertInto('rollup_referrals')
    .values(inLockOrder(rows, ['partner_ref', 'day']))
    .onConflict((oc) =>
      oc.columns(['partner_ref', 'day']).doUpdateSet({
        sessions: sql<number>`rollup_referrals.sessions + excluded.sessions`,
        page_views: sql<number>`rollup_referrals.page_views + excluded.page_views`,
      }),
    )
    .execute();
}

export async function addVisitors(
  db: DbOrTx,
  rows: { day: string; segment: string; visitor_id: string }[],
): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insertInto('rollup_visitors')
    .values(inLockOrder(rows, ['day', 'segment', 'visitor_id']))
    .onConflict((oc) => oc.columns(['day', 'segment', 'visitor_id']).doNothing())
    .execute();
}

export async function addSessionCounts(
  db: DbOrTx,
  rows: { day: string; persona: string; source: string; count: number }[],
): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insertInto('rollup_sessions')
    .values(inLockOrder(rows, ['day', 'persona', 'source']))
    .onConflict((oc) =>
      oc
        .columns(['day', 'persona', 'source'])
        .doUpdateSet({ count: sql<number>`rollup_sessions.count + excluded.count` }),
    )
    .execute();
}

export async function addLiftCounts(
  db: DbOrTx,
  rows: { day: string; persona: string; variant: string; exposed: number; converted: number }[],
): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insertInto('rollup_lift')
    .values(inLockOrder(rows, ['day', 'persona', 'variant']))
    .onConflict((oc) =>
      oc.columns(['day', 'persona', 'variant']).doUpdateSet({
        exposed: sql<number>`rollup_lift.exposed + excluded.exposed`,
        converted: sql<number>`rollup_lift.converted + excluded.converted`,
      }),
    )
    .execute();
}

/** Inserts first exposures; returns the ones that were new (a visitor is exposed once per persona). */
export async function insertExposures(
  db: DbOrTx,
  rows: { visitor_id: string; persona: string; variant: string; exposed_at: string }[],
): Promise<{ persona: string; variant: string; exposed_at: string }[]> {
  if (rows.length === 0) return [];
  return db
    .insertInto('lift_exposures')
    .values(
      inLockOrder(
        rows.map((r) => ({ ...r, converted_at: null })),
        ['visitor_id', 'persona'],
      ),
    )
    .onConflict((oc) => oc.columns(['visitor_id', 'persona']).doNothing())
    .returning(['persona', 'variant', 'exposed_at'])
    .execute();
}

/** Marks a visitor's unconverted exposures since `since` as converted; returns them. */
export async function convertExposures(
  db: DbOrTx,
  visitorId: string,
  since: string,
  at: string,
): Promise<{ persona: string; variant: string; exposed_at: string }[]> {
  return db
    .updateTable('lift_exposures')
    .set({ converted_at: at })
    .where('visitor_id', '=', visitorId)
    .where('converted_at', 'is', null)
    .where('exposed_at', '>=', since)
    .where('exposed_at', '<=', at)
    .returning(['persona', 'variant', 'exposed_at'])
    .execute();
}

export async function addSwitchCounts(
  db: DbOrTx,
  rows: {
    day: string;
    from_persona: string;
    from_source: string;
    to_persona: string;
    count: number;
  }[],
): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insertInto('rollup_switches')
    .values(inLockOrder(rows, ['day', 'from_persona', 'from_source', 'to_persona']))
    .onConflict((oc) =>
      oc
        .columns(['day', 'from_persona', 'from_source', 'to_persona'])
        .doUpdateSet({ count: sql<number>`rollup_switches.count + excluded.count` }),
    )
    .execute();
}

/**
 * PostgreSQL only: takes a transaction lock per visitor, in one order, so two transactions
 * recording the same visitor (a beacon and a page view, two workers) place its events one
 * after the other instead of both starting a visit. SQLite has one writer already.
 */
export async function lockVisitors(db: DbOrTx, visitorIds: string[]): Promise<void> {
  if (visitorIds.length === 0 || dialectOf(db) !== 'postgres') return;
  await sql`select pg_advisory_xact_lock(k) from (select distinct hashtext(v) as k from unnest(${visitorIds}::text[]) as v order by k) as locks`.execute(
    db,
  );
}

export async function findSessions(db: DbOrTx, visitorIds: string[]) {
  if (visitorIds.length === 0) return [];
  return db
    .selectFrom('visitor_sessions')
    .selectAll()
    .where('visitor_id', 'in', visitorIds)
    .execute();
}

export async function saveSessions(
  db: DbOrTx,
  rows: { visitor_id: string; session_id: string; started_at: string; last_seen_at: string }[],
): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insertInto('visitor_sessions')
    .values(inLockOrder(rows, ['visitor_id']))
    .onConflict((oc) =>
      oc.column('visitor_id').doUpdateSet({
        session_id: sql<string>`excluded.session_id`,
        started_at: sql<string>`excluded.started_at`,
        last_seen_at: sql<string>`excluded.last_seen_at`,
      }),
    )
    .execute();
}

export async function findFunnelProgress(db: DbOrTx, funnelId: string, visitorIds: string[]) {
  if (visitorIds.length === 0) return [];
  return db
    .selectFrom('funnel_progress')
    .selectAll()
    .where('funnel_id', '=', funnelId)
    .where('visitor_id', 'in', visitorIds)
    .execute();
}

export async function saveFunnelProgress(
  db: DbOrTx,
  rows: {
    funnel_id: string;
    visitor_id: string;
    step: number;
    entered_at: string;
    last_at: string;
    persona: string;
  }[],
): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insertInto('funnel_progress')
    .values(inLockOrder(rows, ['funnel_id', 'visitor_id']))
    .onConflict((oc) =>
      oc.columns(['funnel_id', 'visitor_id']).doUpdateSet({
        step: sql<number>`excluded.step`,
        last_at: sql<string>`excluded.last_at`,
      }),
    )
    .execute();
}

export async function addFunnelCounts(
  db: DbOrTx,
  rows: { funnel_id: string; day: string; persona: string; step: number; count: number }[],
): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insertInto('rollup_funnel')
    .values(inLockOrder(rows, ['funnel_id', 'day', 'persona', 'step']))
    .onConflict((oc) =>
      oc
        .columns(['funnel_id', 'day', 'persona', 'step'])
        .doUpdateSet({ count: sql<number>`rollup_funnel.count + excluded.count` }),
    )
    .execute();
}
