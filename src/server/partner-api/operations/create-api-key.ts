import { z } from 'zod';
import { partnerMember } from '../../operations/access';
import { defineOperation } from '../../operations/operation';
import { createApiKey as createKey } from '../keys';

export const createApiKeyInput = z
  .object({
    name: z
      .string({
        required_error: 'Name the key (what uses it).',
        invalid_type_error: 'Name must be text.',
      })
      .trim()
      .min(1, 'Name the key (what uses it).')
      .max(80, 'Keep the name under 80 characters.'),
    expiresInDays: z
      .number({ invalid_type_error: 'Choose when the key expires.' })
      .int('Choose when the key expires.')
      .min(1, 'A key lasts at least 1 day.')
      .max(730, 'A key lasts at most 730 days; create a new one then.')
      .optional(),
  })
  .strict();

/**
 * A partner admin creates a key for their company; the full key is returned this once (only
 * its hash is stored). Every partner member passes the gate and the service refuses a rep
 * (403), so a rep's malformed request is answered 400 like an admin's (the tenant-isolation
 * matrix holds this).
 */
export const createApiKey = defineOperation({
  name: 'apiKeys.create',
  kind: 'mutation',
  input: createApiKeyInput,
  access: partnerMember,
  handle: ({ db, actor, now }, input) => createKey(db, actor.user, input, now),
});
