import { addMs, DAY, isoNow } from '../../lib/time';
import { recordAudit, SYSTEM_AUDIT_ACTOR } from '../audit/record';
import type { DbOrTx } from '../db';
import { emitDealWebhook } from '../webhooks/emit';
import { inTransaction } from '../transactions';
import * as jobs from './job-repository';
import { applyDealAction, SYSTEM } from './lifecycle';
import { escalateToAdmins, remindOwner } from './notifications';
import { findDeal } from './repository';
import { dealSettings } from './settings';

const BATCH = 200;

/** Ends the protection of approved deals whose window has passed (state machine: `expire`). */
export async function expireDeals(db: DbOrTx, now: Date): Promise<number> {
  let count = 0;
  for (const id of await jobs.findExpiredIds(db, isoNow(now), BATCH)) {
    await inTransaction(db, async (trx) => {
      const deal = await findDeal(trx, id, null);
      if (deal?.status !== 'approved') return;
      await applyDealAction(trx, deal, { type: 'expire' }, SYSTEM, now);
      count++;
    });
  }
  return count;
}

/**
 * Reminds the owner 14 and 3 days before protection ends (outbox e-mail and a `deal.expiring`
 * webhook). A deal approved with less than 14 days left gets only the reminder that applies.
 */
export async function sendExpiryReminders(db: DbOrTx, now: Date): Promise<number> {
  const { reminderDays } = dealSettings();
  const largest = Math.max(...reminderDays);
  const nowIso = isoNow(now);
  let count = 0;
  for (const candidate of await jobs.findReminderCandidates(
    db,
    nowIso,
    addMs(nowIso, largest * DAY),
    BATCH,
  )) {
    const msLeft = Date.parse(candidate.protected_until ?? nowIso) - now.getTime();
    const stage = [...reminderDays].sort((a, b) => a - b).find((d) => msLeft <= d * DAY);
    if (
      stage === undefined ||
      (candidate.reminder_stage !== null && candidate.reminder_stage <= stage)
    )
      continue;
    await inTransaction(db, async (trx) => {
      if (!(await jobs.markReminderSent(trx, candidate.id, stage))) return;
      const deal = await findDeal(trx, candidate.id, null);
      if (!deal) return;
      const daysLeft = Math.max(1, Math.ceil(msLeft / DAY));
      await remindOwner(trx, deal, stage, daysLeft, now);
      await emitDealWebhook(trx, deal, 'deal.expiring', now, { daysLeft });
      await recordAudit(
        trx,
        {
          entityType: 'deal',
          entityId: deal.id,
          partnerId: deal.partner_id,
          actor: SYSTEM_AUDIT_ACTOR,
          action: 'reminder',
          from: deal.status,
          to: deal.status,
          reason: `Protection ends in ${daysLeft} days; reminder e-mailed.`,
        },
        now,
      );
      count++;
    });
  }
  return count;
}

/** Review SLA: deals past their deadline are escalated to every admin, once per submission. */
export async function escalateOverdueReviews(db: DbOrTx, now: Date): Promise<number> {
  const nowIso = isoNow(now);
  let count = 0;
  const admins = await jobs.listActiveAdmins(db);
  for (const id of await jobs.findOverdueUnescalatedIds(db, nowIso, BATCH)) {
    await inTransaction(db, async (trx) => {
      if (!(await jobs.markEscalated(trx, id, nowIso))) return;
      const deal = await findDeal(trx, id, null);
      if (!deal) return;
      await escalateToAdmins(trx, deal, admins, now);
      await recordAudit(
        trx,
        {
          entityType: 'deal',
          entityId: id,
          partnerId: deal.partner_id,
          actor: SYSTEM_AUDIT_ACTOR,
          action: 'escalate',
          from: deal.status,
          to: deal.status,
          reason: `Review overdue since ${deal.review_due_at}; ${admins.length} admin(s) e-mailed.`,
        },
        now,
      );
      count++;
    });
  }
  return count;
}

/** One round of the periodic deal task. */
export async function runDealLifecycle(db: DbOrTx, now: Date = new Date()) {
  return {
    expired: await expireDeals(db, now),
    reminded: await sendExpiryReminders(db, now),
    escalated: await escalateOverdueReviews(db, now),
  };
}
