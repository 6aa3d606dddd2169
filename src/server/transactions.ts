import type { DbOrTx } from './db';

/**
 * SQLite refuses a write at once (SQLITE_BUSY, without waiting) when another connection wrote
 * after this transaction first read, because waiting could deadlock
 * (https://www.sqlite.org/rescode.html#busy). Like a PostgreSQL serialization failure, the
 * answer is to roll back and run the transaction again, which then reads the other's commit.
 */
function isSqliteBusy(error: unknown): boolean {
  const code = (error as { code?: string } | null)?.code;
  return code === 'SQLITE_BUSY' || code === 'SQLITE_BUSY_SNAPSHOT';
}
const BUSY_ATTEMPTS = 5;

/**
 * Runs `fn` in a transaction, joining the caller's when there is one. A transaction of its own
 * that SQLite refused as busy is rolled back and run again (a few times, after a short wait),
 * so `fn` must keep its effects inside the database.
 */
export async function inTransaction<T>(db: DbOrTx, fn: (trx: DbOrTx) => Promise<T>): Promise<T> {
  if (db.isTransaction) return fn(db);
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.transaction().execute(fn);
    } catch (error) {
      if (!isSqliteBusy(error) || attempt >= BUSY_ATTEMPTS) throw error;
      await new Promise((resolve) => setTimeout(resolve, attempt * (5 + Math.random() * 20)));
    }
  }
}

/** A unique index refused a row (SQLite and PostgreSQL say it differently). */
export function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; message?: string } | null;
  return (
    e?.code === '23505' ||
    e?.code === 'SQLITE_CONSTRAINT_UNIQUE' ||
    /UNIQUE constraint failed/.test(e?.message ?? '')
  );
}
