import { z } from 'zod';
import { dealListParams } from '../../../lib/deals/list-params';
import { conflictCheckInput, dealInput, reasonField } from '../../../lib/deals/schema';
import { addDealComment, markDealOutcome, requestExtension, submitDeal } from '../../deals/actions';
import { checkConflicts } from '../../deals/conflicts';
import { getDashboard } from '../../deals/dashboard';
import { listDeals } from '../../deals/list';
import { getDealDetail } from '../../deals/queries';
import { createDeal, updateDeal } from '../../deals/register';
import { toDealView } from '../../deals/view';
import { authedProcedure, partnerProcedure, router } from '../trpc';

export const dealId = z.string().trim().min(1, 'Deal id is required.').max(40);
const idInput = z.object({ id: dealId }).strict();

/** Deal registration for partners; reading (list, get, dashboard) also for channel managers. */
export const dealsRouter = router({
  /** My deals (partners) or every partner's (vendor staff), filtered, sorted, paginated. */
  list: authedProcedure
    .input(dealListParams)
    .query(({ ctx, input }) => listDeals(ctx.db, ctx.user, input)),

  /** One deal with conflicts, timeline and allowed actions. Another partner's id is a 404. */
  get: authedProcedure
    .input(idInput)
    .query(({ ctx, input }) => getDealDetail(ctx.db, ctx.user, input.id)),

  /** The portal dashboard: stages and value, expiring soon, action required. */
  dashboard: authedProcedure.query(({ ctx }) => getDashboard(ctx.db, ctx.user)),

  /** The live conflict check while the form is filled; changes nothing. */
  checkConflicts: partnerProcedure
    .input(conflictCheckInput)
    .query(({ ctx, input }) => checkConflicts(ctx.db, ctx.user, input)),

  /** Registers a deal (draft, or submitted with `submit: true`). */
  create: partnerProcedure
    .input(dealInput.extend({ submit: z.boolean().optional() }).strict())
    .mutation(async ({ ctx, input }) => {
      const { submit, ...deal } = input;
      return toDealView(await createDeal(ctx.db, ctx.user, deal, { submit: submit ?? false }));
    }),

  /** Edits a draft or returned deal; `version` refuses a stale edit; `submit` resubmits. */
  update: partnerProcedure
    .input(
      z
        .object({
          id: dealId,
          version: z.number().int().positive().optional(),
          submit: z.boolean().optional(),
          deal: dealInput,
        })
        .strict(),
    )
    .mutation(async ({ ctx, input }) =>
      toDealView(
        await updateDeal(ctx.db, ctx.user, input.id, input.deal, {
          submit: input.submit ?? false,
          ...(input.version ? { expectedVersion: input.version } : {}),
        }),
      ),
    ),

  submit: partnerProcedure
    .input(idInput)
    .mutation(async ({ ctx, input }) => toDealView(await submitDeal(ctx.db, ctx.user, input.id))),

  /** The one extension request of an approved deal. */
  requestExtension: partnerProcedure
    .input(z.object({ id: dealId, reason: reasonField }).strict())
    .mutation(async ({ ctx, input }) =>
      toDealView(await requestExtension(ctx.db, ctx.user, input.id, input.reason)),
    ),

  /** Won or lost, by the partner or a channel manager. */
  markOutcome: authedProcedure
    .input(z.object({ id: dealId, outcome: z.enum(['won', 'lost']), reason: reasonField }).strict())
    .mutation(async ({ ctx, input }) =>
      toDealView(await markDealOutcome(ctx.db, ctx.user, input.id, input.outcome, input.reason)),
    ),

  /** A comment on the deal's timeline, between partner and channel manager. */
  comment: authedProcedure
    .input(
      z
        .object({
          id: dealId,
          body: z
            .string()
            .trim()
            .min(1, 'Write a comment.')
            .max(4000, 'Keep comments under 4,000 characters.'),
        })
        .strict(),
    )
    .mutation(({ ctx, input }) => addDealComment(ctx.db, ctx.user, input.id, input.body)),
});
