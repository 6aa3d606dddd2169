import { signedIn } from '../../operations/access';
import { defineOperation } from '../../operations/operation';
import { saveScenario as insertScenario } from '../scenarios';
import { saveScenarioSchema } from '../schemas';

/** Saves a named scenario for the signed-in user (any role may); its result is computed here. */
export const saveScenario = defineOperation({
  name: 'roi.saveScenario',
  kind: 'mutation',
  input: saveScenarioSchema,
  access: signedIn,
  handle: ({ db, actor, now }, input) => insertScenario(db, actor, input, now),
});
