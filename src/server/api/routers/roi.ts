import { z } from 'zod';
import { computeRoi, describeModel } from '../../roi/compute';
import {
  compareScenarios,
  deleteScenario,
  duplicateScenario,
  getScenario,
  listScenarios,
  saveScenario,
  updateScenario,
} from '../../roi/scenarios';
import {
  compareScenariosSchema,
  computeInputSchema,
  listScenariosSchema,
  modelIdSchema,
  saveScenarioSchema,
  scenarioIdSchema,
  scenarioNameSchema,
  shareTokenSchema,
  updateScenarioSchema,
} from '../../roi/schemas';
import { getSharedScenario, revokeShare, shareScenario } from '../../roi/sharing';
import { authedProcedure, publicProcedure, router } from '../trpc';

const byId = z.object({ id: scenarioIdSchema }).strict();

/**
 * ROI models and saved scenarios. Computing is public (the calculator works signed out);
 * scenarios belong to the signed-in user who saved them, and share tokens give read-only
 * access to one scenario.
 */
export const roiRouter = router({
  /** A model's inputs with their defaults, ranges and sources. */
  model: publicProcedure
    .input(z.object({ model: modelIdSchema }).strict())
    .query(({ input }) => describeModel(input.model)),

  /** Runs a model; inputs left out take their defaults. Optional tornado and Monte Carlo. */
  compute: publicProcedure.input(computeInputSchema).query(({ input }) => computeRoi(input)),

  saveScenario: authedProcedure
    .input(saveScenarioSchema)
    .mutation(({ ctx, input }) => saveScenario(ctx.db, ctx.user, input)),

  /** Renames a scenario or saves changed inputs into it. */
  updateScenario: authedProcedure
    .input(updateScenarioSchema)
    .mutation(({ ctx, input }) => updateScenario(ctx.db, ctx.user, input)),

  listScenarios: authedProcedure
    .input(listScenariosSchema.default({}))
    .query(({ ctx, input }) => listScenarios(ctx.db, ctx.user, input)),

  getScenario: authedProcedure
    .input(byId)
    .query(({ ctx, input }) => getScenario(ctx.db, ctx.user, input.id)),

  duplicateScenario: authedProcedure
    .input(z.object({ id: scenarioIdSchema, name: scenarioNameSchema.optional() }).strict())
    .mutation(({ ctx, input }) => duplicateScenario(ctx.db, ctx.user, input)),

  deleteScenario: authedProcedure
    .input(byId)
    .mutation(({ ctx, input }) => deleteScenario(ctx.db, ctx.user, input.id)),

  compareScenarios: authedProcedure
    .input(compareScenariosSchema)
    .query(({ ctx, input }) => compareScenarios(ctx.db, ctx.user, input.ids)),

  shareScenario: authedProcedure
    .input(byId)
    .mutation(({ ctx, input }) => shareScenario(ctx.db, ctx.user, input.id)),

  revokeShare: authedProcedure
    .input(byId)
    .mutation(({ ctx, input }) => revokeShare(ctx.db, ctx.user, input.id)),

  /** Anyone with the link: the scenario read-only; a revoked or unknown token is NOT_FOUND. */
  getShared: publicProcedure
    .input(z.object({ token: shareTokenSchema }).strict())
    .query(({ ctx, input }) => getSharedScenario(ctx.db, input.token)),
});
