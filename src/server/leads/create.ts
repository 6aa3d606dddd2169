import { chooseOwner } from '../../lib/leads/assignment';
import { newId } from '../../lib/ids';
import { addMs, isoNow, MINUTE } from '../../lib/time';
import type { Answers } from '../../lib/personas/fields';
import type { SalesOwner } from '../../lib/content/campaign-schemas';
import { config } from '../config';
import { getSalesTeam } from '../content/campaign-content';
import type { DbOrTx } from '../db';
import { enqueueMail } from '../mail/mailer';
import * as repo from './repository';

export interface NewLeadInput {
  submissionKey: string;
  flowId: string;
  persona: string;
  name: string;
  email: string;
  company: string;
  companyDomain: string;
  answers: Answers;
  visitorId: string | null;
  utm: { source: string | null; medium: string | null; campaign: string | null };
  referralCode: string | null;
  /** False for systems integrators, whose leads become partner applications instead. */
  isSalesLead: boolean;
}

export interface CreatedLead {
  id: string;
  owner: SalesOwner | null;
  responseDueAt: string | null;
}

/**
 * Stores a lead and, for a sales lead, assigns it to a sales owner with a response deadline
 * that starts now (content/sales/team.yaml, default 5 minutes: the Lead Response Management
 * study, InsideSales.com/MIT 2007, found qualification odds 4x lower at 10 minutes than at 5).
 * The owner is told by e-mail. Call it inside the transaction that completes the flow.
 */
export async function createLead(
  db: DbOrTx,
  input: NewLeadInput,
  now: Date = new Date(),
): Promise<CreatedLead> {
  const id = newId(now.getTime());
  const at = isoNow(now);
  const team = getSalesTeam();
  const owner = input.isSalesLead
    ? chooseOwner(team.owners, input.persona, await repo.countWaitingByOwner(db))
    : null;
  const responseDueAt = owner ? addMs(at, team.responseDeadlineMinutes * MINUTE) : null;
  await repo.insertLead(db, {
    id,
    submission_key: input.submissionKey,
    flow_id: input.flowId,
    persona: input.persona,
    name: input.name,
    email: input.email,
    company: input.company,
    company_domain: input.companyDomain,
    answers: JSON.stringify(input.answers),
    visitor_id: input.visitorId,
    utm_source: input.utm.source,
    utm_medium: input.utm.medium,
    utm_campaign: input.utm.campaign,
    referral_code: input.referralCode,
    owner_key: owner?.key ?? null,
    response_due_at: responseDueAt,
    first_response_at: null,
    responded_by: null,
    response_channel: null,
    response_note: null,
    partner_application_id: null,
    created_at: at,
    updated_at: at,
  });
  if (owner && responseDueAt) await notifyOwner(db, { id, ...input }, owner, responseDueAt, now);
  return { id, owner, responseDueAt };
}

async function notifyOwner(
  db: DbOrTx,
  lead: NewLeadInput & { id: string },
  owner: SalesOwner,
  dueAt: string,
  now: Date,
): Promise<void> {
  const due = `${dueAt.slice(11, 16)} UTC`;
  await enqueueMail(
    db,
    {
      to: owner.email,
      category: 'lead_assigned',
      subject: `New lead: ${lead.name} at ${lead.company}, respond by ${due}`.replace(
        /[\r\n]+/g,
        ' ',
      ),
      text: [
        `Hello ${owner.name},`,
        '',
        `${lead.name} (${lead.email}) of ${lead.company} (${lead.companyDomain}) completed the ${lead.flowId} onboarding flow.`,
        `Please make first contact by ${due}; the response clock started when the lead was created.`,
        '',
        `Open the lead and record your response: ${config().publicOrigin}/leads/${lead.id}`,
      ].join('\n'),
      dedupeKey: `lead_assigned:${lead.id}`,
    },
    now,
  );
}
