import { z } from 'zod';
import { createApiKey, listApiKeysFor, revokeApiKeyFor } from '../../partner-api/keys';
import { partnerProcedure, router } from '../trpc';

export const apiKeyName = z
  .string()
  .trim()
  .min(1, 'Name the key (what uses it).')
  .max(80, 'Keep the name under 80 characters.');

/** Partner admins' API keys: the full key is returned once, by `create`. */
export const apiKeysRouter = router({
  list: partnerProcedure.query(({ ctx }) => listApiKeysFor(ctx.db, ctx.user)),
  create: partnerProcedure
    .input(
      z
        .object({ name: apiKeyName, expiresInDays: z.number().int().min(1).max(730).optional() })
        .strict(),
    )
    .mutation(({ ctx, input }) => createApiKey(ctx.db, ctx.user, input)),
  revoke: partnerProcedure
    .input(z.object({ id: z.string().min(1).max(40) }).strict())
    .mutation(async ({ ctx, input }) => {
      await revokeApiKeyFor(ctx.db, ctx.user, input.id);
      return { revoked: true };
    }),
});
