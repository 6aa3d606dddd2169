import { median } from 'd3-array';
import type { Tier } from '../../lib/content/portal';
import { findTier } from '../content/tiers';
import { ACTIVE_STATUSES, DEAL_STATUSES, type DealStatus } from '../../lib/deals/statuses';
import { addMs, DAY, isoNow } from '../../lib/time';
import type { SessionUser } from '../auth/session';
import type { DbOrTx } from '../db';
import { dealScopeOf } from './actor';
import { listDealsPage } from './repository';
import { dealSettings } from './settings';
import {
  countByStatus,
  countPendingApplications,
  decisionSecondsSince,
  findPartnerTier,
  reviewCounts,
} from './stats-repository';
import { toDealView, type DealView } from './view';

export interface StageFigure {
  status: DealStatus;
  count: number;
  /** Value per currency, in minor units. */
  value: Record<string, number>;
}

export interface Dashboard {
  /** The partner's tier (partners only). */
  tier: Tier | null;
  stages: StageFigure[];
  /** Open pipeline (submitted, under review, returned, approved) per currency. */
  pipeline: Record<string, number>;
  expiringSoon: DealView[];
  actionRequired: DealView[];
  review: null | {
    pending: number;
    overdue: number;
    conflicts: number;
    extensions: number;
    applications: number;
    /** Median hours from submission to decision over the last 30 days; null when none. */
    medianDecisionHours: number | null;
    overdueDeals: DealView[];
  };
}

async function stagesOf(db: DbOrTx, partnerId: string | null) {
  const rows = await countByStatus(db, partnerId);
  const stages: StageFigure[] = DEAL_STATUSES.map((status) => ({ status, count: 0, value: {} }));
  const pipeline: Record<string, number> = {};
  for (const r of rows) {
    const stage = stages.find((s) => s.status === r.status);
    if (!stage) continue;
    stage.count += r.n;
    stage.value[r.currency] = (stage.value[r.currency] ?? 0) + r.value;
    if (ACTIVE_STATUSES.includes(r.status))
      pipeline[r.currency] = (pipeline[r.currency] ?? 0) + r.value;
  }
  return { stages, pipeline };
}

/**
 * The portal's first screen. Partners: their deals by stage and value, protection ending
 * within 14 days, and what needs them (returned and draft deals). Channel managers and
 * admins: the same over every partner, plus the review queue's health.
 */
export async function getDashboard(
  db: DbOrTx,
  actor: SessionUser | null,
  now: Date = new Date(),
): Promise<Dashboard> {
  const scope = dealScopeOf(actor);
  const nowIso = isoNow(now);
  const { stages, pipeline } = await stagesOf(db, scope.partnerId);
  const soon = addMs(nowIso, dealSettings().expiringSoonDays * DAY);
  const expiring = await listDealsPage(
    db,
    { partnerId: scope.partnerId, statuses: ['approved'], protectedBefore: soon },
    'expiry_asc',
    8,
    0,
  );
  const action = scope.partnerId
    ? await listDealsPage(
        db,
        { partnerId: scope.partnerId, statuses: ['returned', 'draft'] },
        'updated_desc',
        8,
        0,
      )
    : await listDealsPage(
        db,
        { partnerId: null, statuses: ['approved'], extensionRequested: true },
        'expiry_asc',
        8,
        0,
      );
  let review: Dashboard['review'] = null;
  if (!scope.partnerId) {
    const counts = await reviewCounts(db, nowIso);
    const seconds = await decisionSecondsSince(db, addMs(nowIso, -30 * DAY));
    const overdue = await listDealsPage(
      db,
      { partnerId: null, overdueBefore: nowIso },
      'due_asc',
      5,
      0,
    );
    const med = median(seconds);
    review = {
      ...counts,
      applications: await countPendingApplications(db),
      medianDecisionHours: med === undefined ? null : Math.round((med / 3600) * 10) / 10,
      overdueDeals: overdue.rows.map(toDealView),
    };
  }
  const tierSlug = scope.partnerId ? await findPartnerTier(db, scope.partnerId) : null;
  return {
    tier: tierSlug ? (findTier(tierSlug) ?? null) : null,
    stages,
    pipeline,
    expiringSoon: expiring.rows.map(toDealView),
    actionRequired: action.rows.map(toDealView),
    review,
  };
}
