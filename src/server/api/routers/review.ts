import { z } from 'zod';
import { dealListParams } from '../../../lib/deals/list-params';
import { reasonField } from '../../../lib/deals/schema';
import { listAuditLog } from '../../audit/service';
import { CHANNEL_ROLES } from '../../auth/permissions';
import { bulkDecideDeals, decideDeal, decideExtension, startReview } from '../../deals/actions';
import { listReviewQueue } from '../../deals/review';
import { toDealView } from '../../deals/view';
import {
  approvePartnerApplication,
  approveApplicationInput,
  getPartnerApplication,
  listPartnerApplications,
  rejectPartnerApplication,
} from '../../partners/review';
import { roleProcedure, router } from '../trpc';
import { dealId } from './deals';

const channel = roleProcedure(...CHANNEL_ROLES);
const decision = z.enum(['approve', 'return', 'reject']);

/** The channel manager's side: the deal queue, decisions, applications and the audit log. */
export const reviewRouter = router({
  queue: channel
    .input(dealListParams)
    .query(({ ctx, input }) => listReviewQueue(ctx.db, ctx.user, input)),

  startReview: channel
    .input(z.object({ id: dealId }).strict())
    .mutation(async ({ ctx, input }) => toDealView(await startReview(ctx.db, ctx.user, input.id))),

  /** Approve, return (needs information) or reject; reasons as the state machine requires. */
  decide: channel
    .input(z.object({ id: dealId, decision, reason: reasonField }).strict())
    .mutation(async ({ ctx, input }) =>
      toDealView(await decideDeal(ctx.db, ctx.user, input.id, input.decision, input.reason)),
    ),

  bulkDecide: channel
    .input(
      z
        .object({
          ids: z.array(dealId).min(1, 'Select at least one deal.').max(100),
          decision,
          reason: reasonField,
        })
        .strict(),
    )
    .mutation(({ ctx, input }) =>
      bulkDecideDeals(ctx.db, ctx.user, input.ids, input.decision, input.reason),
    ),

  decideExtension: channel
    .input(z.object({ id: dealId, approve: z.boolean(), reason: reasonField }).strict())
    .mutation(async ({ ctx, input }) =>
      toDealView(await decideExtension(ctx.db, ctx.user, input.id, input.approve, input.reason)),
    ),

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
