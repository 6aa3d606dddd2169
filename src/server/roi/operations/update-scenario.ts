import { signedIn } from '../../operations/access';
import { defineOperation } from '../../operations/operation';
import { updateScenario as editScenario } from '../scenarios';
import { updateScenarioSchema } from '../schemas';

/**
 * Renames a scenario or saves changed inputs into it; only its owner may. Changed inputs are
 * checked against the scenario's own model, so their issues come back under `inputs.`.
 */
export const updateScenario = defineOperation({
  name: 'roi.updateScenario',
  kind: 'mutation',
  input: updateScenarioSchema,
  access: signedIn,
  handle: ({ db, actor, now }, input) => editScenario(db, actor, input, now),
});
