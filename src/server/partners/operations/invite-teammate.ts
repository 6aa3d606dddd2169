import { z } from 'zod';
import { PARTNER_ROLES } from '../../auth/permissions';
import { partnerMember } from '../../operations/access';
import { defineOperation } from '../../operations/operation';
import { emailField } from '../../validation';
import { inviteColleague } from '../invitations';

export const inviteTeammateInput = z
  .object({
    email: emailField,
    role: z.enum(PARTNER_ROLES, { message: 'Choose a role: partner_admin or partner_rep.' }),
  })
  .strict();

/**
 * A partner admin invites a colleague into their own company; the link is valid 7 days.
 * Every partner member passes the gate and the service refuses a rep (403), so a rep's
 * malformed request is answered 400 like an admin's (the tenant-isolation matrix holds this).
 */
export const inviteTeammate = defineOperation({
  name: 'team.invite',
  kind: 'mutation',
  input: inviteTeammateInput,
  access: partnerMember,
  handle: async ({ db, actor, now }, input) => {
    // The token stays server-side: it reaches the invitee by e-mail only.
    const { id, expiresAt } = await inviteColleague(db, actor.user, input, now);
    return { id, expiresAt, email: input.email };
  },
});
