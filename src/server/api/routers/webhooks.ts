import { z } from 'zod';
import { WEBHOOK_EVENTS } from '../../../lib/deals/webhook-events';
import {
  createWebhookEndpoint,
  disableWebhookEndpoint,
  listWebhookDeliveries,
  listWebhookEndpoints,
  sendTestWebhook,
} from '../../webhooks/service';
import { webhookUrlField } from '../../webhooks/url-policy';
import { partnerProcedure, router } from '../trpc';

const endpointId = z.object({ id: z.string().min(1).max(40) }).strict();

/** Partner admins' webhook endpoints; the signing secret is returned once, by `create`. */
export const webhooksRouter = router({
  list: partnerProcedure.query(({ ctx }) => listWebhookEndpoints(ctx.db, ctx.user)),
  create: partnerProcedure
    .input(
      z
        .object({
          url: webhookUrlField,
          events: z
            .array(z.enum(WEBHOOK_EVENTS))
            .min(1, 'Pick at least one event.')
            .max(WEBHOOK_EVENTS.length),
          description: z.string().trim().max(200).optional(),
        })
        .strict(),
    )
    .mutation(({ ctx, input }) => createWebhookEndpoint(ctx.db, ctx.user, input)),
  disable: partnerProcedure.input(endpointId).mutation(async ({ ctx, input }) => {
    await disableWebhookEndpoint(ctx.db, ctx.user, input.id);
    return { disabled: true };
  }),
  deliveries: partnerProcedure
    .input(
      z
        .object({
          id: z.string().min(1).max(40),
          page: z.number().int().min(1).max(10_000).default(1),
        })
        .strict(),
    )
    .query(({ ctx, input }) => listWebhookDeliveries(ctx.db, ctx.user, input.id, input.page)),
  sendTest: partnerProcedure
    .input(endpointId)
    .mutation(({ ctx, input }) => sendTestWebhook(ctx.db, ctx.user, input.id)),
});
