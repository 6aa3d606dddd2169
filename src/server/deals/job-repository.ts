import type { DbOrTx } from '../db';

/** Approved deals whose protection has ended. */
export async function findExpiredIds(db: DbOrTx, nowIso: string, limit: number): Promise<string[]> {
  const rows = await db
    .selectFrom('deals')
    .select('id')
    .where('status', '=', 'approved')
    .where('protected_until', '<=', nowIso)
    .orderBy('protected_until')
    .limit(limit)
    .execute();
  return rows.map((r) => r.id);
}

/** Approved deals ending before `untilIso` that have not had their last (3-day) reminder. */
export async function findReminderCandidates(
  db: DbOrTx,
  nowIso: string,
  untilIso: string,
  limit: number,
) {
  return db
    .selectFrom('deals')
    .select(['id', 'protected_until', 'reminder_stage'])
    .where('status', '=', 'approved')
    .where('protected_until', '>', nowIso)
    .where('protected_until', '<=', untilIso)
    .where((eb) => eb.or([eb('reminder_stage', 'is', null), eb('reminder_stage', '>', 3)]))
    .orderBy('protected_until')
    .limit(limit)
    .execute();
}

/** Records a reminder; false when another process already sent this one (or a later one). */
export async function markReminderSent(db: DbOrTx, id: string, stage: number): Promise<boolean> {
  const result = await db
    .updateTable('deals')
    .set({ reminder_stage: stage })
    .where('id', '=', id)
    .where((eb) => eb.or([eb('reminder_stage', 'is', null), eb('reminder_stage', '>', stage)]))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Deals waiting past their review deadline that nobody has escalated yet. */
export async function findOverdueUnescalatedIds(
  db: DbOrTx,
  nowIso: string,
  limit: number,
): Promise<string[]> {
  const rows = await db
    .selectFrom('deals')
    .select('id')
    .where('status', 'in', ['submitted', 'under_review'])
    .where('review_due_at', '<', nowIso)
    .where('escalated_at', 'is', null)
    .orderBy('review_due_at')
    .limit(limit)
    .execute();
  return rows.map((r) => r.id);
}

export async function markEscalated(db: DbOrTx, id: string, nowIso: string): Promise<boolean> {
  const result = await db
    .updateTable('deals')
    .set({ escalated_at: nowIso })
    .where('id', '=', id)
    .where('escalated_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function listActiveAdmins(db: DbOrTx): Promise<{ email: string; name: string }[]> {
  return db
    .selectFrom('users')
    .select(['email', 'name'])
    .where('role', '=', 'admin')
    .where('is_active', '=', 1)
    .orderBy('email')
    .execute();
}
