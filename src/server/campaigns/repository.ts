import type { DbOrTx } from '../db';
import type { CampaignEnrollment, NewCampaignEnrollment } from '../schema';

export async function insertEnrollment(db: DbOrTx, row: NewCampaignEnrollment): Promise<boolean> {
  const result = await db
    .insertInto('campaign_enrollments')
    .values(row)
    .onConflict((oc) => oc.columns(['lead_id', 'campaign_id']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

export async function setStepsScheduled(db: DbOrTx, id: string, count: number): Promise<void> {
  await db
    .updateTable('campaign_enrollments')
    .set({ steps_scheduled: count })
    .where('id', '=', id)
    .execute();
}

export async function findEnrollmentByTokenHash(
  db: DbOrTx,
  hash: string,
): Promise<CampaignEnrollment | undefined> {
  return db
    .selectFrom('campaign_enrollments')
    .selectAll()
    .where('unsubscribe_token_hash', '=', hash)
    .executeTakeFirst();
}

export async function findEnrollmentsForLead(
  db: DbOrTx,
  leadId: string,
): Promise<CampaignEnrollment[]> {
  return db.selectFrom('campaign_enrollments').selectAll().where('lead_id', '=', leadId).execute();
}

export async function findActiveEnrollmentIdsForEmail(
  db: DbOrTx,
  email: string,
): Promise<string[]> {
  const rows = await db
    .selectFrom('campaign_enrollments')
    .select('id')
    .where('email', '=', email)
    .where('status', '=', 'active')
    .execute();
  return rows.map((r) => r.id);
}

export async function markUnsubscribed(db: DbOrTx, ids: string[], at: string): Promise<void> {
  if (ids.length === 0) return;
  await db
    .updateTable('campaign_enrollments')
    .set({ status: 'unsubscribed', unsubscribed_at: at })
    .where('id', 'in', ids)
    .execute();
}

export async function isSuppressed(db: DbOrTx, email: string): Promise<boolean> {
  const row = await db
    .selectFrom('email_suppressions')
    .select('email')
    .where('email', '=', email)
    .executeTakeFirst();
  return row !== undefined;
}

export async function insertSuppression(
  db: DbOrTx,
  row: { email: string; reason: string; enrollment_id: string | null; created_at: string },
): Promise<void> {
  await db
    .insertInto('email_suppressions')
    .values(row)
    .onConflict((oc) => oc.column('email').doNothing())
    .execute();
}
