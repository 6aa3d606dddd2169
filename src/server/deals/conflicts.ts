import { isSimilarEnough } from '../../lib/matching/company-name';
import { ACTIVE_STATUSES, type DealStatus } from '../../lib/deals/statuses';
import type { ConflictCheckInput } from '../../lib/deals/schema';
import type { PartnerSafeConflict } from '../../lib/matching/explain';
import type { ConflictReport, OwnMatch } from '../../lib/matching/report';
import { matchKeysOf, type MatchKeys } from '../../lib/matching/keys';
import {
  hasProductOverlap,
  isCustomerMatch,
  matchRules,
  type RuleHit,
} from '../../lib/matching/rules';
import { isoNow } from '../../lib/time';
import type { SessionUser } from '../auth/session';
import type { DbOrTx } from '../db';
import { AppError } from '../errors';
import { metrics } from '../metrics';
import { requirePartner } from '../auth/permissions';
import {
  findByKey,
  findMatchRowsByIds,
  findNameBlock,
  type MatchRow,
  type StoredConflict,
} from './conflict-repository';
import { findDeal } from './repository';

/**
 * Candidates for the conflict rules: open deals sharing a key with the registration. Exact
 * keys (domain, e-mail domain, name) are index lookups; fuzzy names come from the prefix and
 * suffix blocks, filtered by similarity before any full row is read. The cost depends on how
 * many deals share a key, not on how many deals exist.
 */
async function findCandidates(db: DbOrTx, keys: MatchKeys): Promise<MatchRow[]> {
  const seen = new Map<string, MatchRow>();
  const exact: ['domain_key' | 'email_domain_key' | 'name_key', string | null][] = [
    ['domain_key', keys.domainKey],
    ['email_domain_key', keys.emailDomainKey],
    // A contact at acme.com also points at a deal whose customer domain is acme.com.
    ['domain_key', keys.emailDomainKey !== keys.domainKey ? keys.emailDomainKey : null],
    ['name_key', keys.nameKey || null],
  ];
  for (const [column, value] of exact) {
    if (value) for (const row of await findByKey(db, column, value)) seen.set(row.id, row);
  }
  const similar = new Set<string>();
  for (const [column, value] of [
    ['name_prefix', keys.namePrefix],
    ['name_suffix', keys.nameSuffix],
  ] as const) {
    if (value.length < 4) continue;
    for (const block of await findNameBlock(db, column, value)) {
      if (!seen.has(block.id) && isSimilarEnough(keys.nameKey, block.name_key))
        similar.add(block.id);
    }
  }
  for (const row of await findMatchRowsByIds(db, [...similar])) seen.set(row.id, row);
  return [...seen.values()];
}

export interface Match {
  row: MatchRow;
  hits: RuleHit[];
}

export type { ConflictReport, OwnMatch };

/** What the rules found for one registration: other partners' deals and the partner's own. */
export interface Matches {
  others: Match[];
  own: Match[];
}

/** The report a partner sees for a set of matches (other partners anonymised). */
export function reportOf(matches: Matches, now: Date): ConflictReport {
  return {
    conflicts: matches.others.map(toPartnerSafe),
    ...ownReport(matches.own),
    checkedAt: isoNow(now),
  };
}

/**
 * Runs every rule against the open deals that share a key with the registration. Returns other
 * partners' active registrations and the partner's own open deals separately.
 */
export async function findMatches(
  db: DbOrTx,
  partnerId: string,
  subject: { keys: MatchKeys; products: readonly string[] },
  excludeDealId: string | null | undefined,
  purpose: 'check' | 'register' | 'submit',
): Promise<Matches> {
  metrics.conflictRuns.inc({ purpose });
  const candidates = await findCandidates(db, subject.keys);
  const others: Match[] = [];
  const own: Match[] = [];
  const mine = { ...subject.keys, products: subject.products };
  for (const row of candidates) {
    if (row.id === excludeDealId) continue;
    const products = JSON.parse(row.products) as string[];
    const hits = matchRules(mine, { ...matchKeysFromRow(row), products });
    if (!isCustomerMatch(hits)) continue;
    if (row.partner_id === partnerId) own.push({ row, hits });
    else if (ACTIVE_STATUSES.includes(row.status)) others.push({ row, hits });
  }
  const bySubmission = (a: Match, b: Match) =>
    (a.row.submitted_at ?? '').localeCompare(b.row.submitted_at ?? '');
  return { others: others.sort(bySubmission), own };
}

function matchKeysFromRow(row: MatchRow): MatchKeys {
  return {
    domainKey: row.domain_key,
    emailDomainKey: row.email_domain_key,
    nameKey: row.name_key,
    namePrefix: '',
    nameSuffix: '',
  };
}

function stateOf(status: DealStatus): PartnerSafeConflict['state'] {
  if (status === 'approved') return 'approved';
  return ACTIVE_STATUSES.includes(status) ? 'pending' : 'closed';
}

/** Another partner's registration, reduced to what the asking partner may see. */
export function toPartnerSafe(match: Match): PartnerSafeConflict {
  const state = stateOf(match.row.status);
  return {
    state,
    since: match.row.submitted_at ?? '',
    until: state === 'approved' ? match.row.protected_until : null,
    rules: match.hits,
    isStrong: hasProductOverlap(match.hits),
  };
}

/** A stored conflict (found at submission), with the other deal's current state, partner-safe. */
export function storedToPartnerSafe(stored: StoredConflict): PartnerSafeConflict {
  const state = stateOf(stored.other_status);
  return {
    state,
    since: stored.other_submitted_at ?? '',
    until: state === 'approved' ? stored.other_protected_until : null,
    rules: JSON.parse(stored.rules) as RuleHit[],
    isStrong: stored.is_strong === 1,
  };
}

function toOwn(match: Match): OwnMatch {
  return {
    id: match.row.id,
    customerName: match.row.customer_name,
    status: match.row.status,
    rules: match.hits,
  };
}

/** Splits own matches into the duplicate (product overlap) and related deals. */
export function ownReport(own: Match[]): { duplicate: OwnMatch | null; related: OwnMatch[] } {
  const duplicate = own.find((m) => hasProductOverlap(m.hits));
  return {
    duplicate: duplicate ? toOwn(duplicate) : null,
    related: own.filter((m) => m !== duplicate).map(toOwn),
  };
}

/**
 * The live conflict check (`deals.checkConflicts`, `POST /api/v1/conflicts/check`): works on
 * whatever is filled in so far and changes nothing. The same rules run again at submission.
 */
export async function checkConflicts(
  db: DbOrTx,
  actor: SessionUser | null,
  input: ConflictCheckInput,
  now: Date = new Date(),
): Promise<ConflictReport> {
  const { partnerId } = requirePartner(actor);
  if (input.dealId && !(await findDeal(db, input.dealId, partnerId))) {
    throw new AppError('NOT_FOUND', 'There is no deal with that id in your company.');
  }
  const keys = matchKeysOf({
    customerName: input.customerName ?? '',
    customerDomain: input.customerDomain ?? '',
    contactEmail: input.contactEmail ?? '',
  });
  const matches = await findMatches(
    db,
    partnerId,
    { keys, products: input.products },
    input.dealId,
    'check',
  );
  return reportOf(matches, now);
}
