import type { DealAction } from '../../lib/deals/machine';
import { webhookForStatus } from '../../lib/deals/webhook-events';
import { addMs, HOUR } from '../../lib/time';
import type { DbOrTx } from '../db';
import { recordEvents, type EventInput } from '../analytics/record-event';
import type { DealUpdate } from '../schema';
import { emitDealWebhook } from '../webhooks/emit';
import type { Actor } from './actor';
import { notifyOwner } from './notifications';
import type { DealRow } from './repository';
import { dealSettings } from './settings';

/** The system itself (expiry job): no user behind it. */
export const SYSTEM = 'system' as const;

/** The columns a transition writes besides what the state machine decided. */
export function bookkeeping(
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

/** Fields worth showing in the audit entry of a transition. */
export function auditChanges(before: DealRow, after: DealRow): Record<string, [unknown, unknown]> {
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
export async function afterTransition(
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
    // Keyed on the deal's version: a change is one event however often a retry reports it.
    const events: EventInput[] = [
      {
        ...base,
        type: 'deal_status_changed',
        properties,
        key: `deal_status_changed:${after.id}:${after.version}`,
      },
    ];
    if (action.type === 'submit' && before.submitted_at === null) {
      events.unshift({
        ...base,
        type: 'deal_registered',
        properties,
        key: `deal_registered:${after.id}`,
      });
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
