import {
  INBOX_ROLES,
  inboxFilterInput,
  listInbox,
  recordLeadResponse,
  responseInput,
} from '../../leads/inbox';
import { roleProcedure, router } from '../trpc';

/** The leads inbox over tRPC, for CRMs and scripts: the same services as /leads. */
export const leadsRouter = router({
  list: roleProcedure(...INBOX_ROLES)
    .input(inboxFilterInput)
    .query(({ ctx, input }) => listInbox(ctx.db, ctx.user, input)),
  recordResponse: roleProcedure(...INBOX_ROLES)
    .input(responseInput)
    .mutation(({ ctx, input }) => recordLeadResponse(ctx.db, ctx.user, input)),
});
