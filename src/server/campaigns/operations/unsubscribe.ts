import { z } from 'zod';
import { anyone } from '../../operations/access';
import { defineOperation } from '../../operations/operation';
import { unsubscribe as stopCampaignMail } from '../unsubscribe';

/** The token from the link in the e-mail; a malformed one is simply not found. */
export const unsubscribeInput = z.object({ token: z.string().max(200) });

/**
 * Unsubscribes the address behind a campaign e-mail's token from all campaign e-mail. Holding
 * the token is the authority (the recipient, or their mail provider's RFC 8058 one-click POST),
 * so anyone may run it; an unknown token is NOT_FOUND and repeating it changes nothing.
 */
export const unsubscribe = defineOperation({
  name: 'campaigns.unsubscribe',
  kind: 'mutation',
  input: unsubscribeInput,
  access: anyone,
  handle: ({ db, now }, { token }) => stopCampaignMail(db, token, now),
});
