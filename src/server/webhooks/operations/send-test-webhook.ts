import { partnerAdmin } from '../../operations/access';
import { defineOperation } from '../../operations/operation';
import { sendTestWebhook as sendTest } from '../service';
import { endpointIdInput } from './endpoint-id';

/** Queues a signed `ping` to one active endpoint, to check the receiver and its signature check. */
export const sendTestWebhook = defineOperation({
  name: 'webhooks.sendTest',
  kind: 'mutation',
  input: endpointIdInput,
  access: partnerAdmin,
  handle: ({ db, actor, now }, { id }) => sendTest(db, actor.user, id, now),
});
