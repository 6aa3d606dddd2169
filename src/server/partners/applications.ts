import { newId } from '../../lib/ids';
import { isoNow } from '../../lib/time';
import type { DbOrTx } from '../db';
import { enqueueMail } from '../mail/mailer';
import type { PartnerApplicationInput } from './application-schema';
import { insertApplication } from './application-repository';

/**
 * Records an application to the partner program and confirms it to the applicant. Call it
 * inside the transaction that completes the onboarding flow or the apply form, so the
 * application and its e-mail exist together. Review (approve or reject) lives with the portal.
 */
export async function submitPartnerApplication(
  db: DbOrTx,
  input: PartnerApplicationInput,
  origin: { source: 'flow' | 'form'; leadId?: string | null; referralCode?: string | null },
  now: Date = new Date(),
): Promise<{ id: string }> {
  const id = newId(now.getTime());
  const at = isoNow(now);
  await insertApplication(db, {
    id,
    company_name: input.companyName,
    company_domain: input.companyDomain,
    country: input.country,
    contact_name: input.contactName,
    contact_email: input.contactEmail,
    contact_title: input.contactTitle ?? null,
    company_size: input.companySize ?? null,
    specialties: JSON.stringify(input.specialties),
    message: input.message ?? null,
    source: origin.source,
    lead_id: origin.leadId ?? null,
    referral_code: origin.referralCode ?? null,
    status: 'submitted',
    decided_by: null,
    decided_at: null,
    rejection_reason: null,
    partner_id: null,
    created_at: at,
    updated_at: at,
  });
  await enqueueMail(
    db,
    {
      to: input.contactEmail,
      category: 'partner_application',
      subject: 'We received your partner application',
      text: [
        `Hello ${input.contactName},`,
        '',
        `Thank you for applying to the Relay partner program on behalf of ${input.companyName}.`,
        'A channel manager reviews every application within two working days; you will hear from us either way.',
      ].join('\n'),
      dedupeKey: `partner_application:${id}`,
    },
    now,
  );
  return { id };
}
