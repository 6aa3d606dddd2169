import type { Insertable } from 'kysely';
import type { DbOrTx } from '../db';
import type { ApiKey, ApiKeysTable } from '../schema';

export async function insertApiKey(db: DbOrTx, row: Insertable<ApiKeysTable>): Promise<void> {
  await db.insertInto('api_keys').values(row).execute();
}

export async function listApiKeys(db: DbOrTx, partnerId: string) {
  return db
    .selectFrom('api_keys')
    .leftJoin('users', 'users.id', 'api_keys.created_by')
    .select([
      'api_keys.id',
      'api_keys.name',
      'api_keys.prefix',
      'api_keys.created_at',
      'api_keys.expires_at',
      'api_keys.last_used_at',
      'api_keys.revoked_at',
      'users.name as created_by_name',
    ])
    .where('api_keys.partner_id', '=', partnerId)
    .orderBy('api_keys.created_at', 'desc')
    .execute();
}

export async function findApiKey(
  db: DbOrTx,
  id: string,
  partnerId: string,
): Promise<ApiKey | undefined> {
  return db
    .selectFrom('api_keys')
    .selectAll()
    .where('id', '=', id)
    .where('partner_id', '=', partnerId)
    .executeTakeFirst();
}

/** A key by its public prefix, with its partner and the person who created it. */
export async function findApiKeyByPrefix(db: DbOrTx, prefix: string) {
  return db
    .selectFrom('api_keys')
    .innerJoin('partners', 'partners.id', 'api_keys.partner_id')
    .leftJoin('users', 'users.id', 'api_keys.created_by')
    .selectAll('api_keys')
    .select([
      'partners.name as partner_name',
      'users.email as creator_email',
      'users.name as creator_name',
      'users.is_active as creator_active',
      'users.partner_id as creator_partner_id',
    ])
    .where('api_keys.prefix', '=', prefix)
    .executeTakeFirst();
}

export async function revokeApiKey(
  db: DbOrTx,
  id: string,
  by: string,
  nowIso: string,
): Promise<boolean> {
  const result = await db
    .updateTable('api_keys')
    .set({ revoked_at: nowIso, revoked_by: by })
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Records use at most once a minute per key, so a busy key does not write on every request. */
export async function touchApiKey(
  db: DbOrTx,
  id: string,
  nowIso: string,
  staleBeforeIso: string,
): Promise<void> {
  await db
    .updateTable('api_keys')
    .set({ last_used_at: nowIso })
    .where('id', '=', id)
    .where((eb) => eb.or([eb('last_used_at', 'is', null), eb('last_used_at', '<', staleBeforeIso)]))
    .execute();
}
