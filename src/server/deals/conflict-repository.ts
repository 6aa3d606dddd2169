import { OWN_OPEN_STATUSES } from '../../lib/deals/statuses';
import type { DbOrTx } from '../db';
import type { Deal, DealConflictRow } from '../schema';

/** What the matcher reads about an existing deal. */
export type MatchRow = Pick<
  Deal,
  | 'id'
  | 'partner_id'
  | 'status'
  | 'customer_name'
  | 'submitted_at'
  | 'protected_until'
  | 'domain_key'
  | 'email_domain_key'
  | 'name_key'
  | 'products'
>;

const MATCH_COLUMNS = [
  'id',
  'partner_id',
  'status',
  'customer_name',
  'submitted_at',
  'protected_until',
  'domain_key',
  'email_domain_key',
  'name_key',
  'products',
] as const;

/** No single key may pull in more than this many candidates (a customer with very many deals). */
const PER_KEY_LIMIT = 200;

type KeyColumn = 'domain_key' | 'email_domain_key' | 'name_key';

/** Open deals whose key column equals the value (an equality on an indexed (key, status) pair). */
export async function findByKey(db: DbOrTx, column: KeyColumn, value: string): Promise<MatchRow[]> {
  return (
    db
      .selectFrom('deals')
      .select(MATCH_COLUMNS)
      .where(column, '=', value)
      .where('status', 'in', OWN_OPEN_STATUSES)
      // No ORDER BY: sorting would read every row sharing the key before the limit applies.
      .limit(PER_KEY_LIMIT)
      .execute()
  );
}

/**
 * Fuzzy-name candidates: ids and normalised names of open deals sharing the first or last
 * four letters, read from a covering index (no table rows), so even a common prefix is cheap.
 */
export async function findNameBlock(
  db: DbOrTx,
  column: 'name_prefix' | 'name_suffix',
  value: string,
): Promise<{ id: string; name_key: string }[]> {
  return db
    .selectFrom('deals')
    .select(['id', 'name_key'])
    .where(column, '=', value)
    .where('status', 'in', OWN_OPEN_STATUSES)
    .limit(PER_KEY_LIMIT * 5)
    .execute();
}

export async function findMatchRowsByIds(db: DbOrTx, ids: readonly string[]): Promise<MatchRow[]> {
  if (ids.length === 0) return [];
  return db.selectFrom('deals').select(MATCH_COLUMNS).where('id', 'in', ids).execute();
}

export async function replaceDealConflicts(
  db: DbOrTx,
  dealId: string,
  rows: DealConflictRow[],
): Promise<void> {
  await db.deleteFrom('deal_conflicts').where('deal_id', '=', dealId).execute();
  if (rows.length > 0) await db.insertInto('deal_conflicts').values(rows).execute();
}

/** The stored conflicts of some deals, with the other registration's current state. */
export async function listConflictsOf(db: DbOrTx, dealIds: readonly string[]) {
  if (dealIds.length === 0) return [];
  return db
    .selectFrom('deal_conflicts')
    .innerJoin('deals as other', 'other.id', 'deal_conflicts.other_deal_id')
    .innerJoin('partners', 'partners.id', 'other.partner_id')
    .select([
      'deal_conflicts.deal_id',
      'deal_conflicts.other_deal_id',
      'deal_conflicts.rules',
      'deal_conflicts.is_strong',
      'deal_conflicts.detected_at',
      'other.status as other_status',
      'other.submitted_at as other_submitted_at',
      'other.protected_until as other_protected_until',
      'other.customer_name as other_customer_name',
      'other.customer_domain as other_customer_domain',
      'other.contact_name as other_contact_name',
      'other.contact_email as other_contact_email',
      'other.value_cents as other_value_cents',
      'other.currency as other_currency',
      'other.products as other_products',
      'other.expected_close_date as other_expected_close_date',
      'partners.name as other_partner_name',
    ])
    .where('deal_conflicts.deal_id', 'in', dealIds)
    .orderBy('other.submitted_at')
    .execute();
}
export type StoredConflict = Awaited<ReturnType<typeof listConflictsOf>>[number];

/** Deals whose stored conflicts point at this one (the other side of the comparison). */
export async function listDealsConflictingWith(db: DbOrTx, dealId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('deal_conflicts')
    .select('deal_id')
    .where('other_deal_id', '=', dealId)
    .execute();
  return rows.map((r) => r.deal_id);
}
