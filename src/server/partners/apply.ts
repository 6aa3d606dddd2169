import { inTransaction } from '../deals/errors';
import type { DbOrTx } from '../db';
import { recordEvent } from '../events/record';
import type { PartnerApplicationInput } from './application-schema';
import { submitPartnerApplication } from './applications';

/**
 * The /partners/apply form: stores the application, its confirmation e-mail and the
 * `application_submitted` event in one transaction (the onboarding flow does the same).
 */
export async function applyToPartnerProgram(
  db: DbOrTx,
  input: PartnerApplicationInput,
  visitor: { visitorId: string; referralCode?: string | null },
  now: Date = new Date(),
): Promise<{ id: string }> {
  return inTransaction(db, async (trx) => {
    const { id } = await submitPartnerApplication(
      trx,
      input,
      { source: 'form', referralCode: visitor.referralCode ?? null },
      now,
    );
    await recordEvent(
      trx,
      {
        type: 'application_submitted',
        visitorId: visitor.visitorId,
        persona: 'systems-integrators',
        path: '/partners/apply',
        partnerRef: visitor.referralCode ?? null,
        properties: { applicationId: id, source: 'form', specialties: input.specialties },
      },
      now,
    );
    return { id };
  });
}
