import type { TierSlug } from '../../lib/content/portal';
import { newId } from '../../lib/ids';
import { isoNow } from '../../lib/time';
import { listAuditForEntity } from '../audit/repository';
import { auditActorOf, recordAudit } from '../audit/record';
import type { SessionUser } from '../auth/session';
import { findTier } from '../content/tiers';
import type { DbOrTx } from '../db';
import { requireChannel } from '../auth/permissions';
import { inTransaction } from '../transactions';
import { AppError } from '../errors';
import { enqueueMail } from '../mail/mailer';
import type { ApplicationStatus } from '../schema';
import * as repo from './application-repository';
import { createInvitation } from './invitations';
import { findPartnerByName, insertPartner } from './repository';

export const APPLICATIONS_PAGE_SIZE = 25;

export const CHOOSE_TIER = 'Choose one of the program’s tiers.';

/** An approval: the tier the new partner company starts at, and an optional note for the audit trail. */
export interface ApplicationApproval {
  tier: TierSlug;
  note?: string | undefined;
}

/** Another reviewer's decision committed between our read and our update. */
function decidedMeanwhile(): AppError {
  return new AppError(
    'CONFLICT',
    'Another reviewer decided this application a moment ago. Reload it to see the decision.',
  );
}

/** Applications for channel managers, newest first, optionally by status. */
export async function listPartnerApplications(
  db: DbOrTx,
  actor: SessionUser | null,
  status: ApplicationStatus | null,
  page: number,
) {
  requireChannel(actor);
  const { rows, total } = await repo.listApplications(
    db,
    status,
    APPLICATIONS_PAGE_SIZE,
    (page - 1) * APPLICATIONS_PAGE_SIZE,
  );
  return { applications: rows, total, page, pageSize: APPLICATIONS_PAGE_SIZE };
}

/** One application with other applications from the same domain and its audit trail. */
export async function getPartnerApplication(db: DbOrTx, actor: SessionUser | null, id: string) {
  requireChannel(actor);
  const application = await repo.findApplication(db, id);
  if (!application) throw new AppError('NOT_FOUND', 'There is no application with that id.');
  return {
    application,
    specialties: JSON.parse(application.specialties) as string[],
    sameDomain: await repo.findApplicationsByDomain(db, application.company_domain, id),
    history: await listAuditForEntity(db, 'application', id),
  };
}

/**
 * Approving an application creates the partner company at the chosen tier and invites the
 * applicant as its first partner admin (the invitation e-mail carries a 7-day link), all in
 * one transaction: either all of it happens or none of it.
 */
export async function approvePartnerApplication(
  db: DbOrTx,
  actor: SessionUser | null,
  id: string,
  input: ApplicationApproval,
  now: Date = new Date(),
): Promise<{ partnerId: string; invitationId: string }> {
  const user = requireChannel(actor);
  if (!findTier(input.tier))
    throw new AppError('BAD_REQUEST', CHOOSE_TIER, {
      issues: [{ path: 'tier', message: CHOOSE_TIER }],
    });
  return inTransaction(db, async (trx) => {
    const application = await repo.findApplication(trx, id);
    if (!application) throw new AppError('NOT_FOUND', 'There is no application with that id.');
    if (application.status !== 'submitted')
      throw new AppError('CONFLICT', `This application was already ${application.status}.`);
    if (await findPartnerByName(trx, application.company_name)) {
      throw new AppError(
        'CONFLICT',
        `A partner company named ${application.company_name} already exists.`,
      );
    }
    const partnerId = newId(now.getTime());
    await insertPartner(trx, {
      id: partnerId,
      name: application.company_name,
      tier: input.tier,
      created_at: isoNow(now),
    });
    const invitation = await createInvitation(
      trx,
      {
        partnerId,
        partnerName: application.company_name,
        email: application.contact_email,
        role: 'partner_admin',
        invitedBy: user,
      },
      now,
    );
    // The update only applies to a still-submitted application: when another reviewer decided
    // it meanwhile, nothing is updated and throwing rolls back the company and invitation.
    const isDecided = await repo.decideApplication(trx, id, {
      status: 'approved',
      decided_by: user.id,
      decided_at: isoNow(now),
      partner_id: partnerId,
      updated_at: isoNow(now),
    });
    if (!isDecided) throw decidedMeanwhile();
    await recordAudit(
      trx,
      {
        entityType: 'application',
        entityId: id,
        partnerId,
        actor: auditActorOf(user),
        action: 'approve',
        from: 'submitted',
        to: 'approved',
        reason: input.note ?? `Tier: ${input.tier}`,
      },
      now,
    );
    return { partnerId, invitationId: invitation.id };
  });
}

/** Rejecting needs a reason; the applicant receives it by e-mail. */
export async function rejectPartnerApplication(
  db: DbOrTx,
  actor: SessionUser | null,
  id: string,
  reason: string | undefined,
  now: Date = new Date(),
): Promise<void> {
  const user = requireChannel(actor);
  const why = (reason ?? '').trim();
  if (!why)
    throw new AppError('BAD_REQUEST', 'Give a reason; the applicant receives it.', {
      issues: [{ path: 'reason', message: 'Give a reason; the applicant receives it.' }],
    });
  await inTransaction(db, async (trx) => {
    const application = await repo.findApplication(trx, id);
    if (!application) throw new AppError('NOT_FOUND', 'There is no application with that id.');
    if (
      !(await repo.decideApplication(trx, id, {
        status: 'rejected',
        decided_by: user.id,
        decided_at: isoNow(now),
        rejection_reason: why,
        updated_at: isoNow(now),
      }))
    )
      throw decidedMeanwhile();
    await recordAudit(
      trx,
      {
        entityType: 'application',
        entityId: id,
        partnerId: null,
        actor: auditActorOf(user),
        action: 'reject',
        from: 'submitted',
        to: 'rejected',
        reason: why,
      },
      now,
    );
    await enqueueMail(
      trx,
      {
        to: application.contact_email,
        category: 'partner_application',
        subject: 'Your partner application',
        text: [
          `Hello ${application.contact_name},`,
          '',
          `Thank you for applying to the Relay partner program on behalf of ${application.company_name}. We cannot accept the application at this point.`,
          '',
          `Reason: ${why}`,
          '',
          'You are welcome to apply again when this changes.',
        ].join('\n'),
        dedupeKey: `partner_application:${id}:rejected`,
      },
      now,
    );
  });
}
