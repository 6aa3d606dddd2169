import * as webhooks from '../../webhooks/operations';
import { procedureFor } from '../procedure-for';
import { router } from '../trpc';

/** Partner admins' webhook endpoints; the signing secret is returned once, by `create`. */
export const webhooksRouter = router({
  list: procedureFor(webhooks.listWebhooks),
  create: procedureFor(webhooks.createWebhook),
  disable: procedureFor(webhooks.disableWebhook),
  deliveries: procedureFor(webhooks.listWebhookDeliveries),
  sendTest: procedureFor(webhooks.sendTestWebhook),
});
