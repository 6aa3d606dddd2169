import type { DbOrTx } from '../db';
import { AppError } from '../errors';

/**
 * Registering a customer the partner already has an open deal for, with a product in common,
 * is refused: the error names that deal so the page can link to it and the API can point at it.
 */
export class DuplicateDealError extends AppError {
  readonly duplicateId: string;

  constructor(duplicate: { id: string; customerName: string }) {
    super(
      'CONFLICT',
      `You already have an open deal for ${duplicate.customerName} with a product in common: ${duplicate.id} (/portal/deals/${duplicate.id}). Update that deal instead of registering it again.`,
      {
        issues: [{ path: 'customerDomain', message: `Duplicates your open deal ${duplicate.id}.` }],
      },
    );
    this.duplicateId = duplicate.id;
  }
}

/** Runs `fn` in a transaction, joining the caller's when there is one. */
export async function inTransaction<T>(db: DbOrTx, fn: (trx: DbOrTx) => Promise<T>): Promise<T> {
  if (db.isTransaction) return fn(db);
  return db.transaction().execute(fn);
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
