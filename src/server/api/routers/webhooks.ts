import { z } from 'zod';
import {
  createWebhookEndpoint,
  disableWebhookEndpoint,
  listWebhookDeliveries,
  listWebhookEndpoints,
  sendTestWebhook,
  webhookEndpointInput,
} from '../../webhooks/service';
import { partnerProcedure, router } from '../trpc';

const endpointId = z.object({ id: z.string().min(1).max(40) }).strict();

/** Partner admins' webhook endpoints; the signing secret is returned once, by `create`. */
export const webhooksRouter = router({
  list: partnerProcedure.query(({ ctx }) => listWebhookEndpoints(ctx.db, ctx.user)),
  create: partnerProcedure
    .input(webhookEndpointInput)
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
