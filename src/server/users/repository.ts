import type { DbOrTx } from '../db';
import type { NewUser, Partner, Role, User, UserUpdate } from '../schema';

export async function findUserByEmail(db: DbOrTx, email: string): Promise<User | undefined> {
  return db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst();
}

export async function findUserById(db: DbOrTx, id: string): Promise<User | undefined> {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertUser(db: DbOrTx, user: NewUser): Promise<void> {
  await db.insertInto('users').values(user).execute();
}

export async function updateUser(db: DbOrTx, id: string, changes: UserUpdate): Promise<void> {
  await db.updateTable('users').set(changes).where('id', '=', id).execute();
}

export interface UserListing {
  id: string;
  email: string;
  name: string;
  role: Role;
  is_active: number;
  created_at: string;
  partner_id: string | null;
  partner_name: string | null;
}

function userListingQuery(db: DbOrTx) {
  return db
    .selectFrom('users')
    .leftJoin('partners', 'partners.id', 'users.partner_id')
    .select([
      'users.id',
      'users.email',
      'users.name',
      'users.role',
      'users.is_active',
      'users.created_at',
      'users.partner_id',
      'partners.name as partner_name',
    ])
    .orderBy('users.email');
}

export async function listUsers(db: DbOrTx): Promise<UserListing[]> {
  return userListingQuery(db).execute();
}

export async function listUsersOfPartner(db: DbOrTx, partnerId: string): Promise<UserListing[]> {
  return userListingQuery(db).where('users.partner_id', '=', partnerId).execute();
}

export async function findPartnerById(db: DbOrTx, id: string): Promise<Partner | undefined> {
  return db.selectFrom('partners').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertPasswordReset(
  db: DbOrTx,
  row: { token_hash: string; user_id: string; expires_at: string; created_at: string },
): Promise<void> {
  await db
    .insertInto('password_resets')
    .values({ ...row, used_at: null })
    .execute();
}

export async function findPasswordReset(db: DbOrTx, tokenHash: string) {
  return db
    .selectFrom('password_resets')
    .selectAll()
    .where('token_hash', '=', tokenHash)
    .executeTakeFirst();
}

/** Marks a reset token used; returns false when another request used it first. */
export async function markPasswordResetUsed(
  db: DbOrTx,
  tokenHash: string,
  nowIso: string,
): Promise<boolean> {
  const result = await db
    .updateTable('password_resets')
    .set({ used_at: nowIso })
    .where('token_hash', '=', tokenHash)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
