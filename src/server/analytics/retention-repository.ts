import type { DbOrTx } from '../db';

/** Up to `limit` raw events older than `before` (any of them: they all go). */
export async function findEventIdsBefore(
  db: DbOrTx,
  before: string,
  limit: number,
): Promise<number[]> {
  const rows = await db
    .selectFrom('events')
    .select('id')
    .where('occurred_at', '<', before)
    .limit(limit)
    .execute();
  return rows.map((r) => r.id);
}

export async function deleteEvents(db: DbOrTx, ids: readonly number[]): Promise<void> {
  if (ids.length === 0) return;
  await db.deleteFrom('events').where('id', 'in', [...ids]).execute();
}

export async function deleteVisitorSessionsIdleSince(db: DbOrTx, since: string): Promise<number> {
  const result = await db
    .deleteFrom('visitor_sessions')
    .where('last_seen_at', '<', since)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
