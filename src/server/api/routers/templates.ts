import { z } from 'zod';
import { SOLUTION_SLUGS } from '../../../lib/catalog';
import { CHANNEL_ROLES } from '../../auth/permissions';
import { getTemplateFigures, getTemplateFor, listTemplatesFor } from '../../deals/templates';
import { authedProcedure, roleProcedure, router } from '../trpc';

/** Solution templates (blueprints) and, for channel managers, how deals built on them fare. */
export const templatesRouter = router({
  list: authedProcedure.query(({ ctx }) => listTemplatesFor(ctx.user)),
  get: authedProcedure
    .input(z.object({ slug: z.enum(SOLUTION_SLUGS) }).strict())
    .query(({ ctx, input }) => getTemplateFor(ctx.user, input.slug)),
  stats: roleProcedure(...CHANNEL_ROLES).query(({ ctx }) => getTemplateFigures(ctx.db, ctx.user)),
});
