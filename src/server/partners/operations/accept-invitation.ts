import { z } from 'zod';
import { anyone } from '../../operations/access';
import { defineOperation } from '../../operations/operation';
import { newPasswordSchema } from '../../users/password-schema';
import { text } from '../../validation';
import { acceptInvitation as accept } from '../invitations';

/** The link's token, the invitee's name and the new password typed twice. */
export const acceptInvitationInput = newPasswordSchema.and(
  z.object({
    token: z.string().min(1, 'This invitation link is incomplete.').max(200),
    name: text('Your name', 120),
  }),
);

/**
 * The invitee names themselves and chooses a password: the account is created in the inviting
 * company with the invited role, and a session is returned for the page to set. A used or
 * expired link is a 404.
 */
export const acceptInvitation = defineOperation({
  name: 'invitations.accept',
  kind: 'mutation',
  input: acceptInvitationInput,
  access: anyone,
  handle: ({ db, now }, { token, name, password }) => accept(db, token, { name, password }, now),
});
