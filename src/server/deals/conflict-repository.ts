import { OWN_OPEN_STATUSES } from '../../lib/deals/statuses';
import type { MatchKeys } from '../../lib/matching/keys';
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

/** No single key may pull in more than this many candidates (a very common name prefix). */
const PER_KEY_LIMIT = 200;

type KeyColumn = 'domain_key' | 'email_domain_key' | 'name_key' | 'name_prefix' | 'name_suffix';

async function byKey(db: DbOrTx, column: KeyColumn, value: string): Promise<MatchRow[]> {
  return db
    .selectFrom('deals')
    .select(MATCH_COLUMNS)
    .where(column, '=', value)
    .where('status', 'in', OWN_OPEN_STATUSES)
    .orderBy('id', 'desc')
    .limit(PER_KEY_LIMIT)
    .execute();
}

/**
 * Candidates for the conflict rules: open deals sharing any key with the new registration.
 * Each lookup is an equality on an indexed (key, status) pair, so the cost depends on how
 * many deals share a key, not on how many deals exist. The pure matcher decides which match.
 */
export async function findMatchCandidates(db: DbOrTx, keys: MatchKeys): Promise<MatchRow[]> {
  const lookups: [KeyColumn, string | null][] = [
    ['domain_key', keys.domainKey],
    ['email_domain_key', keys.emailDomainKey],
    // A contact at acme.com also points at a deal whose customer domain is acme.com.
    ['domain_key', keys.emailDomainKey !== keys.domainKey ? keys.emailDomainKey : null],
    ['name_key', keys.nameKey || null],
    ['name_prefix', keys.namePrefix.length === 3 ? keys.namePrefix : null],
    ['name_suffix', keys.nameSuffix.length === 3 ? keys.nameSuffix : null],
  ];
  const seen = new Map<string, MatchRow>();
  for (const [column, value] of lookups) {
    if (!value) continue;
    for (const row of await byKey(db, column, value)) seen.set(row.id, row);
  }
  return [...seen.values()];
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
