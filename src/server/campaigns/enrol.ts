import { delayMs } from '../../lib/content/campaign-schemas';
import { newId } from '../../lib/ids';
import { addMs, isoNow } from '../../lib/time';
import { randomToken, sha256Hex } from '../auth/tokens';
import { config } from '../config';
import { campaignSteps } from '../content/campaign-content';
import type { DbOrTx } from '../db';
import { enqueueMail } from '../mail/mailer';
import { renderCampaignMail, type CampaignMailProps } from './render';
import * as repo from './repository';

export interface EnrolInput {
  leadId: string;
  campaignId: string;
  lead: CampaignMailProps['lead'];
  owner: CampaignMailProps['owner'];
}

export interface Enrolment {
  enrollmentId: string;
  status: 'active' | 'suppressed';
  scheduled: number;
}

/** The outbox dedupe key of one campaign e-mail; the prefix cancels them all on unsubscribe. */
export function campaignMailKey(enrollmentId: string, step?: number): string {
  return `campaign:${enrollmentId}:${step ?? ''}`;
}

/** The one-click unsubscribe address for a token. */
export function unsubscribeUrl(token: string): string {
  return `${config().publicOrigin}/unsubscribe/${token}`;
}

/**
 * Enrols a lead in its persona's campaign and schedules every e-mail into the outbox at
 * enrolment time + the step's delay. Call it inside the transaction that creates the lead.
 * Each e-mail has a dedupe key (enrolment + step), so a retry never schedules one twice, and
 * the outbox's conditional claim keeps two processes from sending it twice. An address on the
 * suppression list (it unsubscribed before) is enrolled as `suppressed` and gets nothing.
 */
export async function enrolLead(
  db: DbOrTx,
  input: EnrolInput,
  now: Date = new Date(),
): Promise<Enrolment> {
  const enrolledAt = isoNow(now);
  const enrollmentId = newId(now.getTime());
  const token = randomToken(24);
  const suppressed = await repo.isSuppressed(db, input.lead.email);
  const inserted = await repo.insertEnrollment(db, {
    id: enrollmentId,
    lead_id: input.leadId,
    campaign_id: input.campaignId,
    email: input.lead.email,
    status: suppressed ? 'suppressed' : 'active',
    unsubscribe_token_hash: sha256Hex(token),
    enrolled_at: enrolledAt,
    unsubscribed_at: null,
  });
  if (!inserted) {
    const [existing] = (await repo.findEnrollmentsForLead(db, input.leadId)).filter(
      (e) => e.campaign_id === input.campaignId,
    );
    return {
      enrollmentId: existing?.id ?? enrollmentId,
      status: existing?.status === 'active' ? 'active' : 'suppressed',
      scheduled: 0,
    };
  }
  if (suppressed) return { enrollmentId, status: 'suppressed', scheduled: 0 };
  const links = { unsubscribe: unsubscribeUrl(token), site: config().publicOrigin };
  let scheduled = 0;
  for (const step of campaignSteps(input.campaignId)) {
    const mail = renderCampaignMail(step, { lead: input.lead, owner: input.owner, links });
    const stored = await enqueueMail(
      db,
      {
        to: input.lead.email,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        category: 'campaign',
        sendAfter: addMs(enrolledAt, delayMs(step.delay)),
        dedupeKey: campaignMailKey(enrollmentId, step.step),
        // RFC 2369: mail clients show an unsubscribe button that opens this page.
        headers: {
          'List-Unsubscribe': `<${links.unsubscribe}>`,
          // RFC 8058: mail providers may unsubscribe with one POST, without opening the page.
          'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
        },
      },
      now,
    );
    if (stored) scheduled++;
  }
  await repo.setStepsScheduled(db, enrollmentId, scheduled);
  return { enrollmentId, status: 'active', scheduled };
}
