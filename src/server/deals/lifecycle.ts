import { decideTransition, type DealAction } from '../../lib/deals/machine';
import { matchKeysOf } from '../../lib/matching/keys';
import { hasProductOverlap } from '../../lib/matching/rules';
import { newId } from '../../lib/ids';
import { isoNow } from '../../lib/time';
import { auditActorOf, recordAudit, SYSTEM_AUDIT_ACTOR } from '../audit/record';
import { policyForTier } from '../content/tiers';
import type { DbOrTx } from '../db';
import { AppError } from '../errors';
import type { DealUpdate } from '../schema';
import { actorKindOf, type Actor } from './actor';
import { replaceDealConflicts } from './conflict-repository';
import { afterTransition, auditChanges, bookkeeping, SYSTEM } from './lifecycle-effects';
import { findMatches, ownReport, type Matches } from './conflicts';
import { DuplicateDealError } from './errors';
import { findDeal, updateDealIfVersion, type DealRow } from './repository';

export { SYSTEM };

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
async function detectConflictsAtSubmission(
  db: DbOrTx,
  deal: DealRow,
  now: Date,
  known: Matches | undefined,
): Promise<boolean> {
  const { others, own } =
    known ??
    (await findMatches(
      db,
      deal.partner_id,
      {
        keys: matchKeysOf({
          customerName: deal.customer_name,
          customerDomain: deal.customer_domain,
          contactEmail: deal.contact_email,
        }),
        products: JSON.parse(deal.products) as string[],
      },
      deal.id,
      'submit',
    ));
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
  /** The rules' findings for this deal as it stands, when the caller has just run them. */
  known: { matches?: Matches } = {},
): Promise<DealRow> {
  const nowIso = isoNow(now);
  let hasConflict = deal.has_conflict === 1;
  if (action.type === 'submit' && (deal.status === 'draft' || deal.status === 'returned')) {
    hasConflict = await detectConflictsAtSubmission(db, deal, now, known.matches);
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
