import { sql } from 'kysely';
import { dialectOf, type DbOrTx } from '../db';
import type { AnalyticsTables } from './tables';

export type SavedFunnelRow = AnalyticsTables['funnels'];

export async function insertFunnel(db: DbOrTx, row: SavedFunnelRow): Promise<void> {
  await db.insertInto('funnels').values(row).execute();
}

export async function findFunnel(db: DbOrTx, id: string): Promise<SavedFunnelRow | undefined> {
  return db.selectFrom('funnels').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Saved funnels whose backfill has run: from then on the rollups keep them up to date. */
export async function listBackfilledFunnels(db: DbOrTx) {
  return db
    .selectFrom('funnels')
    .select(['id', 'steps', 'window_ms'])
    .where('backfilled_at', 'is not', null)
    .execute();
}

export async function listSavedFunnels(db: DbOrTx): Promise<SavedFunnelRow[]> {
  return db.selectFrom('funnels').selectAll().orderBy('created_at').execute();
}

/** Deletes a saved funnel with its progress and counts; false when there was none. */
export async function deleteFunnelAndCounts(db: DbOrTx, id: string): Promise<boolean> {
  const result = await db.deleteFrom('funnels').where('id', '=', id).executeTakeFirst();
  if (Number(result.numDeletedRows) === 0) return false;
  await db.deleteFrom('funnel_progress').where('funnel_id', '=', id).execute();
  await db.deleteFrom('rollup_funnel').where('funnel_id', '=', id).execute();
  return true;
}

export async function markFunnelBackfilled(
  db: DbOrTx,
  id: string,
  toEventId: number,
  at: string,
): Promise<void> {
  await db
    .updateTable('funnels')
    .set({ backfilled_at: at, backfill_to_event_id: toEventId })
    .where('id', '=', id)
    .execute();
}

/** Raw events after an id, in recording order, for replays. */
export async function eventsAfter(db: DbOrTx, afterId: number, limit: number) {
  return db
    .selectFrom('events')
    .select(['id', 'visitor_id', 'type', 'path', 'persona', 'occurred_at'])
    .where('id', '>', afterId)
    .orderBy('id')
    .limit(limit)
    .execute();
}

/**
 * PostgreSQL: a SHARE lock on events waits for running inserts and holds new ones until the
 * transaction ends, so a replay sees exactly the events that will not be counted incrementally.
 * SQLite needs nothing: it has one writer at a time.
 */
export async function lockEventsForReplay(db: DbOrTx): Promise<void> {
  if (dialectOf(db) === 'postgres') await sql`lock table events in share mode`.execute(db);
}
