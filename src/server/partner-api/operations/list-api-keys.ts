import { z } from 'zod';
import { partnerAdmin } from '../../operations/access';
import { defineOperation } from '../../operations/operation';
import { listApiKeysFor } from '../keys';

/** The company's keys: name, prefix, creator, created, last used, expiry, revoked. Never a secret. */
export const listApiKeys = defineOperation({
  name: 'apiKeys.list',
  kind: 'query',
  input: z.void(),
  access: partnerAdmin,
  handle: ({ db, actor }) => listApiKeysFor(db, actor.user),
});
