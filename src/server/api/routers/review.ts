import { z } from 'zod';
import { listAuditLog } from '../../audit/service';
import { CHANNEL_ROLES } from '../../auth/permissions';
import * as deals from '../../deals/operations';
import * as partners from '../../partners/operations';
import { procedureFor } from '../procedure-for';
import { roleProcedure, router } from '../trpc';

const channel = roleProcedure(...CHANNEL_ROLES);

/** The channel manager's side: the deal queue, decisions, applications and the audit log. */
export const reviewRouter = router({
  queue: procedureFor(deals.listReviewQueue),
  startReview: procedureFor(deals.startReview),
  decide: procedureFor(deals.decideDeal),
  bulkDecide: procedureFor(deals.decideDeals),
  decideExtension: procedureFor(deals.decideExtension),

  applications: procedureFor(partners.listApplications),
  application: procedureFor(partners.getApplication),
  /** Creates the partner company at the tier and invites the applicant as partner admin. */
  approveApplication: procedureFor(partners.approveApplication),
  rejectApplication: procedureFor(partners.rejectApplication),

  /** The append-only audit log, newest first (keyset pagination). */
  audit: channel
    .input(
      z
        .object({
          entityType: z.enum(['deal', 'application', 'api_key', 'webhook']).optional(),
          partnerId: z.string().max(40).optional(),
          beforeId: z.string().max(40).optional(),
        })
        .strict(),
    )
    .query(({ ctx, input }) => listAuditLog(ctx.db, ctx.user, input)),
});
