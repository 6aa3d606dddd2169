import { z } from 'zod';
import { WEBHOOK_EVENTS } from '../../../lib/deals/webhook-events';
import { partnerMember } from '../../operations/access';
import { defineOperation } from '../../operations/operation';
import { createWebhookEndpoint } from '../service';
import { webhookUrlField } from '../url-policy';

export const createWebhookInput = z
  .object({
    url: webhookUrlField,
    events: z
      .array(z.enum(WEBHOOK_EVENTS, { message: 'Pick events from the list.' }))
      .min(1, 'Pick at least one event.')
      .max(WEBHOOK_EVENTS.length, 'Pick each event once.'),
    description: z
      .string()
      .trim()
      .max(200, 'Keep the description under 200 characters.')
      .optional(),
  })
  .strict();

/**
 * A partner admin registers a URL for some events (at most 10 active per company, https in
 * production); the signing secret is returned this once. Every partner member passes the gate
 * and the service refuses a rep (403), so a rep's malformed request is answered 400 like an
 * admin's (the tenant-isolation matrix holds this).
 */
export const createWebhook = defineOperation({
  name: 'webhooks.create',
  kind: 'mutation',
  input: createWebhookInput,
  access: partnerMember,
  handle: ({ db, actor, now }, input) => createWebhookEndpoint(db, actor.user, input, now),
});
