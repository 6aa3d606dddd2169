/** Every webhook use case, for the adapters and the tests. */
export { createWebhook } from './create-webhook';
export { disableWebhook } from './disable-webhook';
export { listWebhookDeliveries } from './list-webhook-deliveries';
export { listWebhooks } from './list-webhooks';
export { sendTestWebhook } from './send-test-webhook';
