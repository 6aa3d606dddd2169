import type { Insertable, Updateable } from 'kysely';
import type { DbOrTx } from '../db';
import type { ApplicationStatus, PartnerApplication, PartnerApplicationsTable } from '../schema';

export async function listApplications(
  db: DbOrTx,
  status: ApplicationStatus | null,
  limit: number,
  offset: number,
): Promise<{ rows: PartnerApplication[]; total: number }> {
  let query = db.selectFrom('partner_applications').selectAll();
  let count = db
    .selectFrom('partner_applications')
    .select((eb) => eb.fn.countAll<number>().as('n'));
  if (status) {
    query = query.where('status', '=', status);
    count = count.where('status', '=', status);
  }
  const rows = await query.orderBy('created_at', 'desc').limit(limit).offset(offset).execute();
  const total = await count.executeTakeFirst();
  return { rows, total: Number(total?.n ?? 0) };
}

export async function findApplication(
  db: DbOrTx,
  id: string,
): Promise<PartnerApplication | undefined> {
  return db.selectFrom('partner_applications').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Other applications from the same company domain (a second application, or a colleague's). */
export async function findApplicationsByDomain(db: DbOrTx, domain: string, exceptId: string) {
  return db
    .selectFrom('partner_applications')
    .select(['id', 'company_name', 'status', 'created_at'])
    .where('company_domain', '=', domain)
    .where('id', '!=', exceptId)
    .orderBy('created_at', 'desc')
    .execute();
}

/** Decides an application once: false when it was decided already (a double submit). */
export async function decideApplication(
  db: DbOrTx,
  id: string,
  patch: Updateable<PartnerApplicationsTable>,
): Promise<boolean> {
  const result = await db
    .updateTable('partner_applications')
    .set(patch)
    .where('id', '=', id)
    .where('status', '=', 'submitted')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function insertApplication(
  db: DbOrTx,
  row: Insertable<PartnerApplicationsTable>,
): Promise<void> {
  await db.insertInto('partner_applications').values(row).execute();
}
