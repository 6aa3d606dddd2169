import { decideTransition, type DealAction } from '../../lib/deals/machine';
import { webhookForStatus } from '../../lib/deals/webhook-events';
import { matchKeysOf } from '../../lib/matching/keys';
import { hasProductOverlap } from '../../lib/matching/rules';
import { newId } from '../../lib/ids';
import { addMs, HOUR, isoNow } from '../../lib/time';
import { auditActorOf, recordAudit, SYSTEM_AUDIT_ACTOR } from '../audit/record';
import { policyForTier } from '../content/tiers';
import type { DbOrTx } from '../db';
import { AppError } from '../errors';
import { recordEvents, type EventInput } from '../events/record';
import type { DealUpdate } from '../schema';
import { emitDealWebhook } from '../webhooks/emit';
import { actorKindOf, type Actor } from './actor';
import { replaceDealConflicts } from './conflict-repository';
import { findMatches, ownReport } from './conflicts';
import { DuplicateDealError } from './errors';
import { notifyOwner } from './notifications';
import { findDeal, updateDealIfVersion, type DealRow } from './repository';
import { dealSettings } from './settings';

/** The system itself (expiry job): no user behind it. */
export const SYSTEM = 'system' as const;

const REFUSAL_STATUS = {
  FORBIDDEN: 'FORBIDDEN',
  INVALID_STATE: 'CONFLICT',
  REASON_REQUIRED: 'BAD_REQUEST',
} as const;

/**
 * At submission the conflict rules run again: a duplicate of the partner's own open deal is
 * refused; other partners' active registrations are stored as conflicts and flag the deal for
 * review (a conflict never blocks submission).
 */
async function detectConflictsAtSubmission(db: DbOrTx, deal: DealRow, now: Date): Promise<boolean> {
  const keys = matchKeysOf({
    customerName: deal.customer_name,
    customerDomain: deal.customer_domain,
    contactEmail: deal.contact_email,
  });
  const products = JSON.parse(deal.products) as string[];
  const { others, own } = await findMatches(db, deal.partner_id, { keys, products }, deal.id);
  const { duplicate } = ownReport(own);
  if (duplicate) throw new DuplicateDealError(duplicate);
  await replaceDealConflicts(
    db,
    deal.id,
    others.map((m) => ({
      id: newId(now.getTime()),
      deal_id: deal.id,
      other_deal_id: m.row.id,
      rules: JSON.stringify(m.hits),
      is_strong: hasProductOverlap(m.hits) ? 1 : 0,
      detected_at: isoNow(now),
    })),
  );
  return others.length > 0;
}

/** The columns a transition writes besides what the state machine decided. */
function bookkeeping(
  deal: DealRow,
  action: DealAction,
  actor: Actor | typeof SYSTEM,
  nowIso: string,
  reason: string | null,
): DealUpdate {
  const patch: DealUpdate = { updated_at: nowIso };
  const userId = actor === SYSTEM ? null : actor.id;
  switch (action.type) {
    case 'submit':
      return {
        ...patch,
        submitted_at: deal.submitted_at ?? nowIso,
        last_submitted_at: nowIso,
        review_due_at: addMs(nowIso, dealSettings().reviewSlaHours * HOUR),
        review_started_at: null,
        reviewer_id: null,
        escalated_at: null,
        decided_at: null,
        decided_by: null,
        decision_seconds: null,
        status_reason: null,
      };
    case 'start_review':
      return { ...patch, review_started_at: nowIso, reviewer_id: userId };
    case 'approve':
    case 'return':
    case 'reject': {
      const since = Date.parse(deal.last_submitted_at ?? nowIso);
      return {
        ...patch,
        decided_at: nowIso,
        decided_by: userId,
        decision_seconds: Math.max(0, Math.round((Date.parse(nowIso) - since) / 1000)),
        status_reason: reason,
      };
    }
    case 'mark_won':
    case 'mark_lost':
      return { ...patch, status_reason: reason };
    case 'request_extension':
      return { ...patch, extension_requested_at: nowIso, extension_reason: reason };
    case 'approve_extension':
      return { ...patch, reminder_stage: null };
    default:
      return patch;
  }
}

/**
 * Applies one lifecycle action to a deal: asks the state machine, writes the result, and in
 * the same transaction appends the audit entry, the analytics events, the webhooks and the
 * owner's e-mail. Returns the deal as it is afterwards.
 */
export async function applyDealAction(
  db: DbOrTx,
  deal: DealRow,
  action: DealAction,
  actor: Actor | typeof SYSTEM,
  now: Date,
): Promise<DealRow> {
  const nowIso = isoNow(now);
  let hasConflict = deal.has_conflict === 1;
  if (action.type === 'submit' && (deal.status === 'draft' || deal.status === 'returned')) {
    hasConflict = await detectConflictsAtSubmission(db, deal, now);
  }
  const decision = decideTransition(
    {
      status: deal.status,
      hasConflict,
      protectedUntil: deal.protected_until,
      extensionStatus: deal.extension_status,
    },
    action,
    actor === SYSTEM ? 'system' : actorKindOf(actor),
    nowIso,
    policyForTier(deal.partner_tier),
  );
  if (!decision.ok) {
    throw new AppError(
      REFUSAL_STATUS[decision.code],
      decision.message,
      decision.code === 'REASON_REQUIRED'
        ? { issues: [{ path: 'reason', message: decision.message }] }
        : {},
    );
  }
  const { changes } = decision;
  const patch: DealUpdate = {
    ...bookkeeping(deal, action, actor, nowIso, decision.reason),
    status: changes.status,
    has_conflict: hasConflict ? 1 : 0,
    ...(changes.approvedAt ? { approved_at: changes.approvedAt, reminder_stage: null } : {}),
    ...(changes.protectedUntil ? { protected_until: changes.protectedUntil } : {}),
    ...(changes.extensionStatus ? { extension_status: changes.extensionStatus } : {}),
    ...(changes.closedAt ? { closed_at: changes.closedAt } : {}),
  };
  if (!(await updateDealIfVersion(db, deal.id, deal.version, patch))) {
    throw new AppError(
      'CONFLICT',
      'Someone changed this deal a moment ago. Reload it and try again.',
    );
  }
  const after = (await findDeal(db, deal.id, null)) as DealRow;
  await recordAudit(
    db,
    {
      entityType: 'deal',
      entityId: deal.id,
      partnerId: deal.partner_id,
      actor: actor === SYSTEM ? SYSTEM_AUDIT_ACTOR : auditActorOf(actor),
      action: action.type,
      from: decision.from,
      to: decision.to,
      reason: decision.reason,
      changes: auditChanges(deal, after),
    },
    now,
  );
  await afterTransition(db, deal, after, action, actor, decision.reason, now);
  return after;
}

function auditChanges(before: DealRow, after: DealRow): Record<string, [unknown, unknown]> {
  const out: Record<string, [unknown, unknown]> = {};
  for (const key of [
    'protected_until',
    'extension_status',
    'has_conflict',
    'review_due_at',
  ] as const) {
    if (before[key] !== after[key]) out[key] = [before[key], after[key]];
  }
  return out;
}

/** Analytics events, webhooks and e-mail that follow a transition (same transaction). */
async function afterTransition(
  db: DbOrTx,
  before: DealRow,
  after: DealRow,
  action: DealAction,
  actor: Actor | typeof SYSTEM,
  reason: string | null,
  now: Date,
): Promise<void> {
  if (before.status !== after.status) {
    const userId = actor === SYSTEM ? null : actor.id;
    const base = { visitorId: userId ? `user:${userId}` : 'system', userId };
    const properties = {
      dealId: after.id,
      partnerId: after.partner_id,
      from: before.status,
      to: after.status,
      valueCents: Number(after.value_cents),
      currency: after.currency,
      templateSlug: after.template_slug,
      hasConflict: after.has_conflict === 1,
      ...(after.decision_seconds !== null && action.type !== 'submit'
        ? { decisionSeconds: after.decision_seconds }
        : {}),
    };
    const events: EventInput[] = [{ ...base, type: 'deal_status_changed', properties }];
    if (action.type === 'submit' && before.submitted_at === null) {
      events.unshift({ ...base, type: 'deal_registered', properties });
    }
    await recordEvents(db, events, now);
    const hook = webhookForStatus(after.status);
    if (hook) await emitDealWebhook(db, after, hook, now);
  }
  const mail: Partial<Record<DealAction['type'], string>> = {
    approve: 'approved',
    return: 'returned',
    reject: 'rejected',
    expire: 'expired',
    approve_extension: 'extension_approved',
    deny_extension: 'extension_denied',
  };
  const kind = mail[action.type];
  if (kind) await notifyOwner(db, after, kind, reason, now);
}
