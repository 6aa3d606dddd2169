import { requireRole } from '../auth/permissions';
import type { SessionUser } from '../auth/session';
import type { Db } from '../db';
import * as repo from './repository';

/** Every account with its role and partner, for administrators. */
export async function listUsersForAdmin(db: Db, actor: SessionUser | null) {
  requireRole(actor, ['admin']);
  return repo.listUsers(db);
}
