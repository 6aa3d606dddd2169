import type { DealListParams } from '../../lib/deals/list-params';
import type { SessionUser } from '../auth/session';
import type { DbOrTx } from '../db';
import { requireChannel } from '../auth/permissions';
import { listDeals } from './list';

/**
 * The channel manager's queue: every partner's deals, by default those waiting for a decision
 * (submitted or under review), soonest deadline first.
 */
export async function listReviewQueue(
  db: DbOrTx,
  actor: SessionUser | null,
  params: DealListParams,
  now: Date = new Date(),
) {
  requireChannel(actor);
  const status =
    params.status ?? (params.overdue ? undefined : (['submitted', 'under_review'] as const));
  return listDeals(db, actor, { ...params, ...(status ? { status: [...status] } : {}) }, now);
}
