import { sql } from 'kysely';
import type { DbOrTx } from '../db';

/**
 * One hit on a fixed-window counter, as a single atomic upsert: a window that has ended starts
 * again at 1, so concurrent hits from several processes never lose a count.
 */
export async function countHit(
  db: DbOrTx,
  key: string,
  nowIso: string,
  windowEnd: string,
): Promise<{ count: number; window_ends_at: string }> {
  return db
    .insertInto('rate_limits')
    .values({ key, count: 1, window_ends_at: windowEnd })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet({
        count: sql<number>`case when rate_limits.window_ends_at <= ${nowIso} then 1 else rate_limits.count + 1 end`,
        window_ends_at: sql<string>`case when rate_limits.window_ends_at <= ${nowIso} then ${windowEnd} else rate_limits.window_ends_at end`,
      }),
    )
    .returning(['count', 'window_ends_at'])
    .executeTakeFirstOrThrow();
}

export async function deleteCounter(db: DbOrTx, key: string): Promise<void> {
  await db.deleteFrom('rate_limits').where('key', '=', key).execute();
}

export async function decrementCounter(db: DbOrTx, key: string): Promise<void> {
  await db
    .updateTable('rate_limits')
    .set((eb) => ({ count: eb('count', '-', 1) }))
    .where('key', '=', key)
    .where('count', '>', 0)
    .execute();
}
