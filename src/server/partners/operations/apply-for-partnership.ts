import { z } from 'zod';
import { newId } from '../../../lib/ids';
import { anyone } from '../../operations/access';
import { defineOperation, requestFactsOf } from '../../operations/operation';
import { partnerApplicationInput, referralCodeFrom } from '../application-schema';
import { applyToPartnerProgram } from '../apply';

export const applyForPartnershipInput = partnerApplicationInput
  .extend({
    /** The partner who referred the applicant: kept when it passes the `?ref=` check, else ignored. */
    ref: z
      .unknown()
      .transform((value) => (typeof value === 'string' ? referralCodeFrom(value) : null)),
    /** A field people never see; bots fill it. */
    website: z.unknown().transform((value) => typeof value === 'string' && value.trim() !== ''),
  })
  .strict();

/**
 * A company applies to the partner program from the public form. Within the per-address and
 * per-e-mail limits, the application, its confirmation e-mail and the `application_submitted`
 * event are stored together. A bot that filled the hidden field is answered as if it had
 * applied, and nothing is stored or sent.
 */
export const applyForPartnership = defineOperation({
  name: 'partners.apply',
  kind: 'mutation',
  input: applyForPartnershipInput,
  access: anyone,
  handle: async (context, { ref, website: isBot, ...application }) => {
    if (isBot) return { applicationId: null };
    const { clientIp, visitor } = requestFactsOf(context);
    const { id } = await applyToPartnerProgram(
      context.db,
      application,
      {
        // A visitor refusing tracking still gets one id for this application's event.
        visitorId: visitor?.analyticsId ?? `apply-${newId()}`,
        ip: clientIp,
        referralCode: ref,
      },
      context.now,
    );
    return { applicationId: id };
  },
});
