import * as partners from '../../partners/operations';
import { procedureFor } from '../procedure-for';
import { router } from '../trpc';

/** The caller's own partner company: its members and invitations, and inviting a colleague. */
export const teamRouter = router({
  list: procedureFor(partners.listTeam),
  invite: procedureFor(partners.inviteTeammate),
});
