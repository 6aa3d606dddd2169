import { z } from 'zod';
import { listAuditLog } from '../../audit/service';
import { CHANNEL_ROLES } from '../../auth/permissions';
import * as deals from '../../deals/operations';
import { procedureFor } from '../procedure-for';
import {
  approvePartnerApplication,
  approveApplicationInput,
  getPartnerApplication,
  listPartnerApplications,
  rejectPartnerApplication,
} from '../../partners/review';
import { roleProcedure, router } from '../trpc';

const channel = roleProcedure(...CHANNEL_ROLES);

/** The channel manager's side: the deal queue, decisions, applications and the audit log. */
export const reviewRouter = router({
  queue: procedureFor(deals.listReviewQueue),
  startReview: procedureFor(deals.startReview),
  decide: procedureFor(deals.decideDeal),
  bulkDecide: procedureFor(deals.decideDeals),
  decideExtension: procedureFor(deals.decideExtension),

  applications: channel
    .input(
      z
        .object({
          status: z.enum(['submitted', 'approved', 'rejected']).optional(),
          page: z.number().int().min(1).max(10_000).default(1),
        })
        .strict(),
    )
    .query(({ ctx, input }) =>
      listPartnerApplications(ctx.db, ctx.user, input.status ?? null, input.page),
    ),

  application: channel
    .input(z.object({ id: z.string().min(1).max(40) }).strict())
    .query(({ ctx, input }) => getPartnerApplication(ctx.db, ctx.user, input.id)),

  /** Creates the partner company at the tier and invites the applicant as partner admin. */
  approveApplication: channel
    .input(approveApplicationInput.extend({ id: z.string().min(1).max(40) }))
    .mutation(({ ctx, input: { id, ...approval } }) =>
      approvePartnerApplication(ctx.db, ctx.user, id, approval),
    ),

  rejectApplication: channel
    .input(
      z
        .object({
          id: z.string().min(1).max(40),
          reason: z.string().trim().min(1, 'Give a reason; the applicant receives it.').max(2000),
        })
        .strict(),
    )
    .mutation(({ ctx, input }) =>
      rejectPartnerApplication(ctx.db, ctx.user, input.id, input.reason),
    ),

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
