import type { Flow } from '../../lib/content/flow-schemas';
import type { Answers } from '../../lib/personas/fields';
import { answersOnPath } from '../../lib/personas/flow';
import { isoNow } from '../../lib/time';
import { enrolLead } from '../campaigns/enrol';
import { getPersona } from '../content/persona-content';
import type { DbOrTx } from '../db';
import { AppError } from '../errors';
import { recordEvents, type EventInput } from '../analytics/record-event';
import { createLead, type CreatedLead } from '../leads/create';
import { setPartnerApplication } from '../leads/repository';
import { partnerApplicationInput } from '../partners/application-schema';
import { submitPartnerApplication } from '../partners/applications';
import type { FlowProgress } from '../schema';
import { zodIssues } from '../validation';
import * as repo from './repository';
import { flowEventBase, progressUtm } from './visitor';

/** Application fields named after the flow fields they come from, for error messages. */
const APPLICATION_FIELD: Record<string, string> = {
  companyName: 'company',
  contactName: 'name',
  contactEmail: 'email',
  contactTitle: 'title',
};

/** The partner application a systems-integrator flow files, from its answers. */
function applicationFrom(answers: Answers) {
  const result = partnerApplicationInput.safeParse({
    companyName: answers.company,
    companyDomain: answers.companyDomain,
    country: answers.country,
    contactName: answers.name,
    contactEmail: answers.email,
    contactTitle: answers.title,
    companySize: answers.companySize,
    specialties: answers.specialties,
    message: answers.message,
  });
  if (result.success) return result.data;
  const issues = zodIssues(result.error).map((i) => ({
    ...i,
    path: APPLICATION_FIELD[i.path] ?? i.path,
  }));
  throw new AppError(
    'BAD_REQUEST',
    'Some answers need attention before we can file your application.',
    { issues },
  );
}

function text(answers: Answers, name: string): string {
  const value = answers[name];
  return typeof value === 'string' ? value : '';
}

/** Files the partner application a systems integrator's flow asks for, linked to its lead. */
async function fileApplication(
  db: DbOrTx,
  answers: Answers,
  progress: FlowProgress,
  leadId: string,
  now: Date,
) {
  const { id } = await submitPartnerApplication(
    db,
    applicationFrom(answers),
    { source: 'flow', leadId, referralCode: progress.referral_code },
    now,
  );
  await setPartnerApplication(db, leadId, id);
  return id;
}

/** Enrols the new lead in its persona's follow-up campaign, signed by its sales owner. */
async function enrolInCampaign(
  db: DbOrTx,
  flow: Flow,
  answers: Answers,
  lead: CreatedLead,
  now: Date,
) {
  const name = text(answers, 'name');
  await enrolLead(
    db,
    {
      leadId: lead.id,
      campaignId: getPersona(flow.persona).campaign,
      lead: {
        firstName: name.split(/\s+/)[0] ?? name,
        name,
        email: text(answers, 'email'),
        company: text(answers, 'company'),
        companyDomain: text(answers, 'companyDomain'),
      },
      owner: lead.owner
        ? { name: lead.owner.name, title: lead.owner.title, email: lead.owner.email }
        : null,
    },
    now,
  );
}

/** The events a completed flow reports, all in the transaction that completes it. */
function completionEvents(
  flow: Flow,
  progress: FlowProgress,
  lead: CreatedLead,
  applicationId: string | null,
  visitorId: string,
  at: string,
): EventInput[] {
  const base = { ...flowEventBase(flow, progress, visitorId), occurredAt: at };
  const events: EventInput[] = [
    {
      ...base,
      type: 'flow_step_completed',
      properties: { flowId: flow.id, stepId: progress.current_step, isLast: true },
      // Keys from what each event records: a retried completion cannot count twice.
      key: `flow_step_completed:${progress.id}:${progress.attempt}:${progress.current_step}`,
    },
    {
      ...base,
      type: 'flow_completed',
      properties: { flowId: flow.id, leadId: lead.id, attempt: progress.attempt },
      key: `flow_completed:${progress.id}:${progress.attempt}`,
    },
    {
      ...base,
      type: 'lead_created',
      properties: {
        leadId: lead.id,
        flowId: flow.id,
        ownerKey: lead.owner?.key ?? null,
        responseDueAt: lead.responseDueAt,
      },
      key: `lead_created:${lead.id}`,
    },
  ];
  if (applicationId) {
    events.push({
      ...base,
      type: 'application_submitted',
      properties: { applicationId, leadId: lead.id },
      key: `application_submitted:${applicationId}`,
    });
  }
  return events;
}

/**
 * Completes a flow inside the caller's transaction: marks the progress completed (exactly once,
 * even with two simultaneous final posts), creates the lead, files the partner application for
 * systems integrators or assigns a sales owner for everyone else, enrols the lead in the
 * persona's campaign, and records flow_step_completed, flow_completed, lead_created and
 * application_submitted. Returns the lead id, or null when another request completed it first.
 */
export async function completeFlow(
  db: DbOrTx,
  flow: Flow,
  progress: FlowProgress,
  allAnswers: Answers,
  /** The id the flow's events carry; null for a crawler, whose completion records no event. */
  visitorId: string | null,
  now: Date,
): Promise<string | null> {
  const answers = answersOnPath(flow, allAnswers);
  const at = isoNow(now);
  const isPartner = flow.persona === 'systems-integrators';
  const completed = await repo.markCompleted(db, progress.id, progress.attempt, {
    answers: JSON.stringify(allAnswers),
    completed_at: at,
  });
  if (!completed) return null;
  const lead = await createLead(
    db,
    {
      submissionKey: `${progress.id}:${progress.attempt}`,
      flowId: flow.id,
      persona: flow.persona,
      name: text(answers, 'name'),
      email: text(answers, 'email'),
      company: text(answers, 'company'),
      companyDomain: text(answers, 'companyDomain'),
      answers,
      // The id the visitor's page views and flow events carry (the day's hash under DNT/GPC).
      visitorId: progress.visitor_id ?? visitorId,
      utm: progressUtm(progress),
      referralCode: progress.referral_code,
      isSalesLead: !isPartner,
    },
    now,
  );
  await repo.setProgressLead(db, progress.id, lead.id);
  const applicationId = isPartner
    ? await fileApplication(db, answers, progress, lead.id, now)
    : null;
  await enrolInCampaign(db, flow, answers, lead, now);
  if (visitorId !== null)
    await recordEvents(
      db,
      completionEvents(flow, progress, lead, applicationId, visitorId, at),
      now,
    );
  return lead.id;
}
