import { allowedActions, type DealActionType } from '../../lib/deals/machine';
import { PENDING_REVIEW_STATUSES } from '../../lib/deals/statuses';
import { isoNow } from '../../lib/time';
import { listAuditForEntity } from '../audit/repository';
import type { SessionUser } from '../auth/session';
import { policyForTier } from '../content/tiers';
import type { DbOrTx } from '../db';
import { actorKindOf } from './actor';
import { loadDealFor } from './actions';
import { listComments } from './comment-repository';
import { listConflictsOf, listDealsConflictingWith } from './conflict-repository';
import { storedToPartnerSafe } from './conflicts';
import { findDealsByIds } from './repository';
import {
  toChannelConflict,
  toDealView,
  type ChannelConflict,
  type DealView,
  type PartnerSafeConflict,
  type TimelineItem,
} from './view';

export interface DealDetail {
  deal: DealView;
  /** What the partner sees of conflicts (no other partner's identity). */
  conflicts: PartnerSafeConflict[];
  /** Channel managers only: both sides, identities visible. */
  conflictDetails: ChannelConflict[] | null;
  /** Channel managers only: later registrations that conflict with this one. */
  conflictingLater: DealView[] | null;
  timeline: TimelineItem[];
  actions: DealActionType[];
  policy: { protectionDays: number; extensionDays: number };
  isOverdue: boolean;
}

/** Audit entries and comments in one list, oldest first. */
export async function timelineOf(db: DbOrTx, dealId: string): Promise<TimelineItem[]> {
  const [audit, comments] = await Promise.all([
    listAuditForEntity(db, 'deal', dealId),
    listComments(db, dealId),
  ]);
  const items: TimelineItem[] = [
    ...audit.map((a) => ({
      kind: 'audit' as const,
      id: a.id,
      at: a.created_at,
      actor: a.actor_label,
      action: a.action,
      from: a.from_status,
      to: a.to_status,
      reason: a.reason,
      changes: a.changes ? (JSON.parse(a.changes) as Record<string, [unknown, unknown]>) : null,
    })),
    ...comments.map((c) => ({
      kind: 'comment' as const,
      id: c.id,
      at: c.created_at,
      actor: c.author_name,
      role: c.author_role,
      body: c.body,
    })),
  ];
  return items.sort((a, b) => a.at.localeCompare(b.at) || a.id.localeCompare(b.id));
}

/**
 * One deal with its conflicts, timeline and the actions the viewer may take. Partners get
 * their own deals only (another partner's id is a 404) and conflict evidence without names.
 */
export async function getDealDetail(
  db: DbOrTx,
  actor: SessionUser | null,
  id: string,
  now: Date = new Date(),
): Promise<DealDetail> {
  const row = await loadDealFor(db, actor, id);
  const user = actor as SessionUser;
  const kind = actorKindOf(user);
  const stored = await listConflictsOf(db, [row.id]);
  const policy = policyForTier(row.partner_tier);
  const nowIso = isoNow(now);
  const laterIds = kind === 'channel' ? await listDealsConflictingWith(db, row.id) : [];
  return {
    deal: toDealView(row),
    conflicts: stored.map(storedToPartnerSafe),
    conflictDetails: kind === 'channel' ? stored.map(toChannelConflict) : null,
    conflictingLater:
      kind === 'channel' ? (await findDealsByIds(db, laterIds)).map(toDealView) : null,
    timeline: await timelineOf(db, row.id),
    actions: allowedActions(
      {
        status: row.status,
        hasConflict: row.has_conflict === 1,
        protectedUntil: row.protected_until,
        extensionStatus: row.extension_status,
      },
      kind,
      nowIso,
      policy,
    ).filter((a) => a !== 'expire'),
    policy,
    isOverdue:
      PENDING_REVIEW_STATUSES.includes(row.status) &&
      !!row.review_due_at &&
      row.review_due_at < nowIso,
  };
}
