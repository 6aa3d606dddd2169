import { z } from 'zod';
import { withRole } from '../../operations/access';
import { defineOperation } from '../../operations/operation';
import { resendOutboxMessage as requeue } from '../outbox-service';

export const resendOutboxMessageInput = z.object({ id: z.string().max(100) });

/**
 * "Send again" for a failed or kept message: back in the queue, due now, same Message-ID.
 * Admins only; an unknown id is NOT_FOUND, a message in any other state a CONFLICT.
 */
export const resendOutboxMessage = defineOperation({
  name: 'mail.resendOutboxMessage',
  kind: 'mutation',
  input: resendOutboxMessageInput,
  access: withRole(['admin']),
  handle: ({ db, actor, now }, { id }) => requeue(db, actor, id, now),
});
