import { partnerAdmin } from '../../operations/access';
import { defineOperation } from '../../operations/operation';
import { disableWebhookEndpoint } from '../service';
import { endpointIdInput } from './endpoint-id';

/** Stops deliveries to one of the company's endpoints; its delivery log stays readable. */
export const disableWebhook = defineOperation({
  name: 'webhooks.disable',
  kind: 'mutation',
  input: endpointIdInput,
  access: partnerAdmin,
  handle: async ({ db, actor, now }, { id }) => {
    await disableWebhookEndpoint(db, actor.user, id, now);
    return { disabled: true };
  },
});
