import { requireRole } from '../auth/permissions';
import type { SessionUser } from '../auth/session';
import { findEnrollmentsForLead } from '../campaigns/repository';
import { getSalesTeam } from '../content/campaign-content';
import type { Db } from '../db';
import { AppError } from '../errors';
import { INBOX_ROLES } from './inbox';
import * as repo from './repository';

/** A lead with its sales owner and campaign enrolments, for the lead page. */
export async function getLeadForInbox(db: Db, actor: SessionUser | null, id: string) {
  requireRole(actor, INBOX_ROLES);
  const lead = await repo.findLead(db, id);
  if (!lead) throw new AppError('NOT_FOUND', 'There is no lead with that id.');
  const owner = getSalesTeam().owners.find((o) => o.key === lead.owner_key) ?? null;
  return { lead, owner, enrollments: await findEnrollmentsForLead(db, id) };
}
