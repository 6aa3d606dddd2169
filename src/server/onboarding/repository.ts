import type { DbOrTx } from '../db';
import type { FlowProgress, NewFlowProgress } from '../schema';

export async function findProgressForVisitor(
  db: DbOrTx,
  visitorId: string,
  flowId: string,
): Promise<FlowProgress | undefined> {
  return db
    .selectFrom('flow_progress')
    .selectAll()
    .where('visitor_id', '=', visitorId)
    .where('flow_id', '=', flowId)
    .executeTakeFirst();
}

export async function findProgressByResumeHash(
  db: DbOrTx,
  hash: string,
  flowId: string,
): Promise<FlowProgress | undefined> {
  return db
    .selectFrom('flow_progress')
    .selectAll()
    .where('resume_token_hash', '=', hash)
    .where('flow_id', '=', flowId)
    .executeTakeFirst();
}

/** Inserts unless this visitor already has progress in the flow (two tabs, a double click). */
export async function insertProgress(db: DbOrTx, row: NewFlowProgress): Promise<boolean> {
  const result = await db
    .insertInto('flow_progress')
    .values(row)
    .onConflict((oc) => oc.columns(['visitor_id', 'flow_id']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

/** Saves answers and the current step while the flow is in progress. */
export async function saveProgress(
  db: DbOrTx,
  id: string,
  changes: { answers: string; current_step: string; updated_at: string },
): Promise<boolean> {
  const result = await db
    .updateTable('flow_progress')
    .set(changes)
    .where('id', '=', id)
    .where('status', '=', 'in_progress')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/**
 * Marks the flow completed. Conditional on the status and attempt, so of two simultaneous
 * final submissions exactly one succeeds (the other finds 0 rows and creates nothing).
 */
export async function markCompleted(
  db: DbOrTx,
  id: string,
  attempt: number,
  changes: { answers: string; completed_at: string },
): Promise<boolean> {
  const result = await db
    .updateTable('flow_progress')
    .set({ ...changes, status: 'completed', updated_at: changes.completed_at })
    .where('id', '=', id)
    .where('status', '=', 'in_progress')
    .where('attempt', '=', attempt)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function setProgressLead(db: DbOrTx, id: string, leadId: string): Promise<void> {
  await db.updateTable('flow_progress').set({ lead_id: leadId }).where('id', '=', id).execute();
}

/** Starts a new request after a completed one: same row, next attempt, answers kept as defaults. */
export async function restartProgress(
  db: DbOrTx,
  id: string,
  firstStep: string,
  at: string,
): Promise<void> {
  await db
    .updateTable('flow_progress')
    .set((eb) => ({
      status: 'in_progress',
      attempt: eb('attempt', '+', 1),
      current_step: firstStep,
      lead_id: null,
      completed_at: null,
      updated_at: at,
    }))
    .where('id', '=', id)
    .where('status', '=', 'completed')
    .execute();
}

/** The visitor's first-touch campaign, from the exposures logged for them (no extra cookie). */
export async function findFirstTouchUtm(
  db: DbOrTx,
  visitorId: string,
): Promise<
  { utm_source: string | null; utm_medium: string | null; utm_campaign: string | null } | undefined
> {
  return db
    .selectFrom('events')
    .select(['utm_source', 'utm_medium', 'utm_campaign'])
    .where('visitor_id', '=', visitorId)
    .where('utm_source', 'is not', null)
    .orderBy('occurred_at', 'asc')
    .limit(1)
    .executeTakeFirst();
}
