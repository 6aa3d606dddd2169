import { sql } from 'kysely';
import type { DbOrTx } from '../db';
import type { Lead, NewLead } from '../schema';
import { containsInsensitive } from '../sql-like';

export type InboxStatus = 'waiting' | 'overdue' | 'open' | 'responded' | 'applications' | 'all';

export interface LeadFilter {
  status: InboxStatus;
  persona?: string | undefined;
  /** Matches name, e-mail or company (case-insensitive, substring). */
  search?: string | undefined;
  nowIso: string;
}

export async function insertLead(db: DbOrTx, lead: NewLead): Promise<void> {
  await db.insertInto('leads').values(lead).execute();
}

export async function findLead(db: DbOrTx, id: string): Promise<Lead | undefined> {
  return db.selectFrom('leads').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function setPartnerApplication(
  db: DbOrTx,
  leadId: string,
  applicationId: string,
): Promise<void> {
  await db
    .updateTable('leads')
    .set({ partner_application_id: applicationId })
    .where('id', '=', leadId)
    .execute();
}

/** Leads still waiting for a first response, per owner (for balancing new assignments). */
export async function countWaitingByOwner(db: DbOrTx): Promise<Record<string, number>> {
  const rows = await db
    .selectFrom('leads')
    .select(['owner_key', (eb) => eb.fn.countAll<number>().as('n')])
    .where('first_response_at', 'is', null)
    .where('owner_key', 'is not', null)
    .groupBy('owner_key')
    .execute();
  return Object.fromEntries(rows.map((r) => [r.owner_key as string, Number(r.n)]));
}

function filtered(db: DbOrTx, filter: LeadFilter) {
  let query = db.selectFrom('leads');
  const { status, nowIso } = filter;
  if (status === 'open')
    query = query.where('first_response_at', 'is', null).where('owner_key', 'is not', null);
  if (status === 'waiting')
    query = query.where('first_response_at', 'is', null).where('response_due_at', '>=', nowIso);
  if (status === 'overdue')
    query = query.where('first_response_at', 'is', null).where('response_due_at', '<', nowIso);
  if (status === 'responded') query = query.where('first_response_at', 'is not', null);
  if (status === 'applications') query = query.where('partner_application_id', 'is not', null);
  if (filter.persona) query = query.where('persona', '=', filter.persona);
  if (filter.search) {
    const search = filter.search;
    query = query.where((eb) =>
      eb.or(
        (['name', 'email', 'company'] as const).map((column) =>
          containsInsensitive(column, search),
        ),
      ),
    );
  }
  return query;
}

/** One page of the inbox. Open leads sort by deadline (most urgent first), the rest newest first. */
export async function listLeads(
  db: DbOrTx,
  filter: LeadFilter,
  paging: { limit: number; offset: number },
): Promise<{ leads: Lead[]; total: number }> {
  let rows = filtered(db, filter).selectAll();
  rows =
    filter.status === 'open' || filter.status === 'waiting' || filter.status === 'overdue'
      ? // Leads without a deadline (partner applications) last, on SQLite and PostgreSQL alike.
        rows
          .orderBy(sql`(response_due_at is null)`, 'asc')
          .orderBy('response_due_at', 'asc')
          .orderBy('id', 'asc')
      : rows.orderBy('created_at', 'desc').orderBy('id', 'desc');
  const [leads, count] = await Promise.all([
    rows.limit(paging.limit).offset(paging.offset).execute(),
    filtered(db, filter)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { leads, total: Number(count.n) };
}

/** Records the first response; does nothing (returns false) when one was recorded already. */
export async function markFirstResponse(
  db: DbOrTx,
  id: string,
  response: { at: string; by: string; channel: string; note: string | null },
): Promise<boolean> {
  const result = await db
    .updateTable('leads')
    .set({
      first_response_at: response.at,
      responded_by: response.by,
      response_channel: response.channel,
      response_note: response.note,
      updated_at: response.at,
    })
    .where('id', '=', id)
    .where('first_response_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
