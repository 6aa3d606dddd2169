import { z } from 'zod';
import { partnerAdmin } from '../../operations/access';
import { defineOperation } from '../../operations/operation';
import { revokeApiKeyFor } from '../keys';

export const revokeApiKeyInput = z
  .object({
    id: z
      .string({ required_error: 'Key id is required.', invalid_type_error: 'Key id must be text.' })
      .trim()
      .min(1, 'Key id is required.')
      .max(40, 'That is not a key id.'),
  })
  .strict();

/** Revokes one of the company's keys at once (401 from then on); another company's key is a 404. */
export const revokeApiKey = defineOperation({
  name: 'apiKeys.revoke',
  kind: 'mutation',
  input: revokeApiKeyInput,
  access: partnerAdmin,
  handle: async ({ db, actor, now }, { id }) => {
    await revokeApiKeyFor(db, actor.user, id, now);
    return { revoked: true };
  },
});
