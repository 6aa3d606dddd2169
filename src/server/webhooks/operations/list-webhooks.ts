import { z } from 'zod';
import { partnerAdmin } from '../../operations/access';
import { defineOperation } from '../../operations/operation';
import { listWebhookEndpoints } from '../service';

/** The company's endpoints, without their signing secrets. */
export const listWebhooks = defineOperation({
  name: 'webhooks.list',
  kind: 'query',
  input: z.void(),
  access: partnerAdmin,
  handle: ({ db, actor }) => listWebhookEndpoints(db, actor.user),
});
