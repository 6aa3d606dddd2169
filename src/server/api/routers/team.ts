import { inviteColleague, inviteColleagueInput, listTeam } from '../../partners/invitations';
import { partnerProcedure, router } from '../trpc';

export const teamRouter = router({
  /** Members and invitations of the caller's own partner company. */
  list: partnerProcedure.query(({ ctx }) => listTeam(ctx.db, ctx.user)),

  /** A partner admin invites a colleague (link valid 7 days). */
  invite: partnerProcedure.input(inviteColleagueInput).mutation(async ({ ctx, input }) => {
    const { id, expiresAt } = await inviteColleague(ctx.db, ctx.user, input);
    return { id, expiresAt };
  }),
});
