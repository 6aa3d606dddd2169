import type { DbOrTx } from '../db';
import { preparedQuery } from '../prepared';
import type { Role } from '../schema';

export interface SessionRow {
  id: string;
  secret_hash: string;
  user_id: string;
  created_at: string;
  expires_at: string;
  absolute_expires_at: string;
  email: string;
  name: string;
  role: Role;
  is_active: number;
  partner_id: string | null;
  partner_name: string | null;
}

export async function insertSession(
  db: DbOrTx,
  row: {
    id: string;
    secret_hash: string;
    user_id: string;
    created_at: string;
    expires_at: string;
    absolute_expires_at: string;
  },
): Promise<void> {
  await db.insertInto('sessions').values(row).execute();
}

/** One query for the session, its user and the user's partner company; runs on every request. */
const sessionWithUser = preparedQuery(
  (db: DbOrTx, id: string) =>
    db
      .selectFrom('sessions')
      .innerJoin('users', 'users.id', 'sessions.user_id')
      .leftJoin('partners', 'partners.id', 'users.partner_id')
      .select([
        'sessions.id',
        'sessions.secret_hash',
        'sessions.user_id',
        'sessions.created_at',
        'sessions.expires_at',
        'sessions.absolute_expires_at',
        'users.email',
        'users.name',
        'users.role',
        'users.is_active',
        'users.partner_id',
        'partners.name as partner_name',
      ])
      .where('sessions.id', '=', id),
  [''],
);

export async function findSessionWithUser(db: DbOrTx, id: string): Promise<SessionRow | undefined> {
  const rows = await sessionWithUser.run(db, id);
  return rows[0] as SessionRow | undefined;
}

export async function updateSessionExpiry(
  db: DbOrTx,
  id: string,
  expiresAt: string,
): Promise<void> {
  await db.updateTable('sessions').set({ expires_at: expiresAt }).where('id', '=', id).execute();
}

export async function deleteSession(db: DbOrTx, id: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', id).execute();
}

export async function deleteSessionsOfUser(db: DbOrTx, userId: string): Promise<void> {
  await db.deleteFrom('sessions').where('user_id', '=', userId).execute();
}

export async function deleteExpiredSessions(db: DbOrTx, nowIso: string): Promise<number> {
  const result = await db
    .deleteFrom('sessions')
    .where('expires_at', '<=', nowIso)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
