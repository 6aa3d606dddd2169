import { sql, type SelectQueryBuilder } from 'kysely';
import type { DealStatus } from '../../lib/deals/statuses';
import type { DbOrTx } from '../db';
import type { Database, Deal, DealUpdate, NewDeal } from '../schema';
import { containsInsensitive } from '../sql-like';

/** A deal with what every screen shows next to it: its partner and the person who registered it. */
export type DealRow = Deal & {
  partner_name: string;
  partner_tier: string;
  owner_name: string | null;
  owner_email: string | null;
};

function withContext(db: DbOrTx) {
  return db
    .selectFrom('deals')
    .innerJoin('partners', 'partners.id', 'deals.partner_id')
    .leftJoin('users', 'users.id', 'deals.created_by')
    .selectAll('deals')
    .select([
      'partners.name as partner_name',
      'partners.tier as partner_tier',
      'users.name as owner_name',
      'users.email as owner_email',
    ]);
}

export async function insertDeal(db: DbOrTx, deal: NewDeal): Promise<void> {
  await db.insertInto('deals').values(deal).execute();
}

/**
 * Applies a change only if nobody changed the deal since it was read (optimistic locking on
 * `version`); false means someone else got there first.
 */
export async function updateDealIfVersion(
  db: DbOrTx,
  id: string,
  version: number,
  patch: DealUpdate,
): Promise<boolean> {
  const result = await db
    .updateTable('deals')
    .set({ ...patch, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** One deal, limited to a partner when `partnerId` is given (another partner's id finds nothing). */
export async function findDeal(
  db: DbOrTx,
  id: string,
  partnerId: string | null,
): Promise<DealRow | undefined> {
  let query = withContext(db).where('deals.id', '=', id);
  if (partnerId) query = query.where('deals.partner_id', '=', partnerId);
  return query.executeTakeFirst();
}

export async function findDealsByIds(db: DbOrTx, ids: readonly string[]): Promise<DealRow[]> {
  if (ids.length === 0) return [];
  return withContext(db).where('deals.id', 'in', ids).execute();
}

export async function findDealByExternalId(
  db: DbOrTx,
  partnerId: string,
  externalId: string,
): Promise<Pick<Deal, 'id'> | undefined> {
  return db
    .selectFrom('deals')
    .select('id')
    .where('partner_id', '=', partnerId)
    .where('external_id', '=', externalId)
    .executeTakeFirst();
}

export type DealSort =
  'created_desc' | 'value_desc' | 'close_asc' | 'expiry_asc' | 'due_asc' | 'updated_desc';

export interface DealFilter {
  partnerId: string | null;
  statuses?: readonly DealStatus[] | undefined;
  hasConflict?: boolean | undefined;
  /** Pending deals whose review deadline is before this time. */
  overdueBefore?: string | undefined;
  search?: string | undefined;
  templateSlug?: string | undefined;
  /** Protection ends before this time. */
  protectedBefore?: string | undefined;
  /** The partner's CRM id, exactly. */
  externalId?: string | undefined;
  /** Approved deals waiting for an extension decision. */
  extensionRequested?: boolean | undefined;
}

type DealQuery = SelectQueryBuilder<
  Database & { partners: Database['partners']; users: Database['users'] },
  'deals' | 'partners' | 'users',
  DealRow
>;

function applyFilter(query: DealQuery, filter: DealFilter): DealQuery {
  let q = query;
  if (filter.partnerId) q = q.where('deals.partner_id', '=', filter.partnerId);
  if (filter.statuses && filter.statuses.length > 0)
    q = q.where('deals.status', 'in', filter.statuses);
  if (filter.hasConflict !== undefined)
    q = q.where('deals.has_conflict', '=', filter.hasConflict ? 1 : 0);
  if (filter.overdueBefore) {
    q = q
      .where('deals.status', 'in', ['submitted', 'under_review'])
      .where('deals.review_due_at', '<', filter.overdueBefore);
  }
  if (filter.templateSlug) q = q.where('deals.template_slug', '=', filter.templateSlug);
  if (filter.externalId) q = q.where('deals.external_id', '=', filter.externalId);
  if (filter.extensionRequested) q = q.where('deals.extension_status', '=', 'requested');
  if (filter.protectedBefore) q = q.where('deals.protected_until', '<', filter.protectedBefore);
  if (filter.search) {
    const search = filter.search;
    q = q.where((eb) =>
      eb.or([
        containsInsensitive('deals.customer_name', search),
        containsInsensitive('deals.customer_domain', search),
        eb('deals.external_id', '=', search),
        eb('deals.id', '=', search.toUpperCase()),
      ]),
    );
  }
  return q;
}

/** Column, direction, and whether the column may be null. */
const SORTS: Record<DealSort, [string, 'asc' | 'desc', boolean]> = {
  created_desc: ['deals.id', 'desc', false],
  updated_desc: ['deals.updated_at', 'desc', false],
  value_desc: ['deals.value_cents', 'desc', false],
  close_asc: ['deals.expected_close_date', 'asc', false],
  expiry_asc: ['deals.protected_until', 'asc', true],
  due_asc: ['deals.review_due_at', 'asc', true],
};

/**
 * Orders by a sort, deals without a value last. SQLite sorts NULL first and PostgreSQL last, and
 * SQLite before 3.30 has no NULLS LAST, so sort on `(column is null)` first: false before true
 * (0 before 1 on SQLite), the same on both.
 */
function orderBySort(query: DealQuery, sort: DealSort): DealQuery {
  const [column, direction, isNullable] = SORTS[sort];
  const ordered = isNullable ? query.orderBy(sql`(${sql.ref(column)} is null)`, 'asc') : query;
  return ordered.orderBy(sql.ref(column), direction).orderBy('deals.id', 'desc');
}

/** A page of deals (offset pagination, for screens with page numbers) and the total. */
export async function listDealsPage(
  db: DbOrTx,
  filter: DealFilter,
  sort: DealSort,
  limit: number,
  offset: number,
): Promise<{ rows: DealRow[]; total: number }> {
  const rows = await orderBySort(applyFilter(withContext(db) as DealQuery, filter), sort)
    .limit(limit)
    .offset(offset)
    .execute();
  const count = await applyFilter(withContext(db) as DealQuery, filter)
    .clearSelect()
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirst();
  return { rows, total: Number(count?.n ?? 0) };
}

/** Newest first after a cursor (the last id seen): stable under inserts, for the API. */
export async function listDealsAfter(
  db: DbOrTx,
  filter: DealFilter,
  beforeId: string | null,
  limit: number,
): Promise<DealRow[]> {
  let query = applyFilter(withContext(db) as DealQuery, filter);
  if (beforeId) query = query.where('deals.id', '<', beforeId);
  return query.orderBy('deals.id', 'desc').limit(limit).execute();
}

/** Every deal matching a filter, for CSV export (bounded by the caller). */
export async function listDealsForExport(
  db: DbOrTx,
  filter: DealFilter,
  max: number,
): Promise<DealRow[]> {
  return applyFilter(withContext(db) as DealQuery, filter)
    .orderBy('deals.id', 'desc')
    .limit(max)
    .execute();
}
