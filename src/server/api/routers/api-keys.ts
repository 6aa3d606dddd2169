import { z } from 'zod';
import { apiKeyInput, createApiKey, listApiKeysFor, revokeApiKeyFor } from '../../partner-api/keys';
import { partnerProcedure, router } from '../trpc';

/** Partner admins' API keys: the full key is returned once, by `create`. */
export const apiKeysRouter = router({
  list: partnerProcedure.query(({ ctx }) => listApiKeysFor(ctx.db, ctx.user)),
  create: partnerProcedure
    .input(apiKeyInput)
    .mutation(({ ctx, input }) => createApiKey(ctx.db, ctx.user, input)),
  revoke: partnerProcedure
    .input(z.object({ id: z.string().min(1).max(40) }).strict())
    .mutation(async ({ ctx, input }) => {
      await revokeApiKeyFor(ctx.db, ctx.user, input.id);
      return { revoked: true };
    }),
});
