import { z } from 'zod';
import { anyone } from '../../operations/access';
import { defineOperation } from '../../operations/operation';
import { getSharedScenario as readByToken } from '../sharing';
import { shareTokenSchema } from '../schemas';

/**
 * The scenario behind a share token, read-only, for anyone holding the link; the token is the
 * only right it needs. A revoked or unknown token is a 404.
 */
export const getSharedScenario = defineOperation({
  name: 'roi.getShared',
  kind: 'query',
  input: z.object({ token: shareTokenSchema }).strict(),
  access: anyone,
  handle: ({ db }, { token }) => readByToken(db, token),
});
