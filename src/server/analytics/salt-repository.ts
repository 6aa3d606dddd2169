import type { DbOrTx } from '../db';

/** The daily salts of cookieless visitor ids (see visitor-hash.ts). */
export async function insertSaltIfMissing(db: DbOrTx, day: string, salt: string): Promise<void> {
  await db
    .insertInto('analytics_salts')
    .values({ day, salt })
    .onConflict((oc) => oc.column('day').doNothing())
    .execute();
}

export async function findSalt(db: DbOrTx, day: string): Promise<string> {
  const row = await db
    .selectFrom('analytics_salts')
    .select('salt')
    .where('day', '=', day)
    .executeTakeFirstOrThrow();
  return row.salt;
}

export async function deleteSaltsBefore(db: DbOrTx, day: string): Promise<number> {
  const result = await db.deleteFrom('analytics_salts').where('day', '<', day).executeTakeFirst();
  return Number(result.numDeletedRows);
}
