import { z } from 'zod';
import { partnerAdmin } from '../../operations/access';
import { defineOperation } from '../../operations/operation';
import { listWebhookDeliveries as listDeliveries } from '../service';
import { endpointIdField } from './endpoint-id';

/** One endpoint of the company with its deliveries and their attempts, newest first. */
export const listWebhookDeliveries = defineOperation({
  name: 'webhooks.deliveries',
  kind: 'query',
  input: z
    .object({ id: endpointIdField, page: z.number().int().min(1).max(10_000).default(1) })
    .strict(),
  access: partnerAdmin,
  handle: ({ db, actor }, { id, page }) => listDeliveries(db, actor.user, id, page),
});
