import type { DealAction } from '../../lib/deals/machine';
import { newId } from '../../lib/ids';
import { isoNow } from '../../lib/time';
import { auditActorOf, recordAudit } from '../audit/record';
import type { SessionUser } from '../auth/session';
import type { DbOrTx } from '../db';
import { AppError } from '../errors';
import { requireChannel, requirePartner } from '../auth/permissions';
import { dealScopeOf, type Actor } from './actor';
import { insertComment } from './comment-repository';
import { inTransaction } from '../transactions';
import { applyDealAction } from './lifecycle';
import { findDeal, type DealRow } from './repository';

/** A deal the actor may act on: a partner's own, or any for vendor staff; otherwise 404. */
export async function loadDealFor(
  db: DbOrTx,
  actor: SessionUser | null,
  id: string,
): Promise<DealRow> {
  const scope = dealScopeOf(actor);
  const deal = await findDeal(db, id, scope.partnerId);
  if (!deal) throw new AppError('NOT_FOUND', 'There is no deal with that id.');
  return deal;
}

async function act(
  db: DbOrTx,
  actor: Actor,
  id: string,
  action: DealAction,
  now: Date,
): Promise<DealRow> {
  return inTransaction(db, async (trx) => {
    const deal = await loadDealFor(trx, actor, id);
    return applyDealAction(trx, deal, action, actor, now);
  });
}

/** A partner submits (or resubmits after a return) one of its deals for review. */
export async function submitDeal(
  db: DbOrTx,
  actor: Actor | null,
  id: string,
  now: Date = new Date(),
) {
  const { user } = requirePartner(actor);
  return act(db, user, id, { type: 'submit' }, now);
}

/** The partner or a channel manager records the outcome of an approved deal. */
export async function markDealOutcome(
  db: DbOrTx,
  actor: Actor | null,
  id: string,
  outcome: 'won' | 'lost',
  reason: string | undefined,
  now: Date = new Date(),
) {
  if (!actor) throw new AppError('UNAUTHORIZED', 'Sign in to continue.');
  return act(db, actor, id, { type: outcome === 'won' ? 'mark_won' : 'mark_lost', reason }, now);
}

/** A partner asks for the deal's one extension (default +30 days), before protection ends. */
export async function requestExtension(
  db: DbOrTx,
  actor: Actor | null,
  id: string,
  reason: string | undefined,
  now: Date = new Date(),
) {
  const { user } = requirePartner(actor);
  return act(db, user, id, { type: 'request_extension', reason }, now);
}

/** A channel manager takes a submitted deal into review. */
export async function startReview(
  db: DbOrTx,
  actor: SessionUser | null,
  id: string,
  now: Date = new Date(),
) {
  return act(db, requireChannel(actor), id, { type: 'start_review' }, now);
}

export type ReviewDecision = 'approve' | 'return' | 'reject';

/** A channel manager approves, returns or rejects a deal (reason rules: the state machine). */
export async function decideDeal(
  db: DbOrTx,
  actor: SessionUser | null,
  id: string,
  decision: ReviewDecision,
  reason: string | undefined,
  now: Date = new Date(),
) {
  return act(db, requireChannel(actor), id, { type: decision, reason }, now);
}

/** A channel manager approves or denies a waiting extension request. */
export async function decideExtension(
  db: DbOrTx,
  actor: SessionUser | null,
  id: string,
  approve: boolean,
  reason: string | undefined,
  now: Date = new Date(),
) {
  return act(
    db,
    requireChannel(actor),
    id,
    { type: approve ? 'approve_extension' : 'deny_extension', reason },
    now,
  );
}

export interface BulkResult {
  done: { id: string; customerName: string }[];
  skipped: { id: string; message: string }[];
}

/**
 * The same decision for several deals. Each deal is decided in its own transaction, so one
 * that cannot be decided (already approved, say) is reported and the others still go through.
 */
export async function bulkDecideDeals(
  db: DbOrTx,
  actor: SessionUser | null,
  ids: readonly string[],
  decision: ReviewDecision,
  reason: string | undefined,
  now: Date = new Date(),
): Promise<BulkResult> {
  const user = requireChannel(actor);
  const result: BulkResult = { done: [], skipped: [] };
  for (const id of new Set(ids)) {
    try {
      const deal = await act(db, user, id, { type: decision, reason }, now);
      result.done.push({ id, customerName: deal.customer_name });
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      result.skipped.push({ id, message: error.message });
    }
  }
  return result;
}

/**
 * A comment between the partner and the channel manager on a deal. Comments are append-only,
 * like the audit log; both sides see all of them on the deal's timeline.
 */
export async function addDealComment(
  db: DbOrTx,
  actor: Actor | null,
  id: string,
  body: string,
  now: Date = new Date(),
): Promise<{ id: string }> {
  return inTransaction(db, async (trx) => {
    const deal = await loadDealFor(trx, actor, id);
    const user = actor as Actor;
    const commentId = newId(now.getTime());
    await insertComment(trx, {
      id: commentId,
      deal_id: deal.id,
      partner_id: deal.partner_id,
      author_id: user.id,
      author_name: user.name,
      author_role: user.role,
      body,
      created_at: isoNow(now),
    });
    await recordAudit(
      trx,
      {
        entityType: 'deal',
        entityId: deal.id,
        partnerId: deal.partner_id,
        actor: auditActorOf(user),
        action: 'comment',
        from: deal.status,
        to: deal.status,
      },
      now,
    );
    return { id: commentId };
  });
}
