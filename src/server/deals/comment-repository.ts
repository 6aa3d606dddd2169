import type { Insertable } from 'kysely';
import type { DbOrTx } from '../db';
import type { DealComment, DealCommentsTable } from '../schema';

/** Comments are append-only: there is an insert and a read, nothing else. */
export async function insertComment(db: DbOrTx, row: Insertable<DealCommentsTable>): Promise<void> {
  await db.insertInto('deal_comments').values(row).execute();
}

export async function listComments(db: DbOrTx, dealId: string): Promise<DealComment[]> {
  return db
    .selectFrom('deal_comments')
    .selectAll()
    .where('deal_id', '=', dealId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}
