import { signedIn } from '../../operations/access';
import { defineOperation } from '../../operations/operation';
import { deleteScenario as removeScenario } from '../scenarios';
import { scenarioIdInput } from './get-scenario';

/** Deletes one of the user's scenarios; its share links stop working with it. */
export const deleteScenario = defineOperation({
  name: 'roi.deleteScenario',
  kind: 'mutation',
  input: scenarioIdInput,
  access: signedIn,
  handle: ({ db, actor }, { id }) => removeScenario(db, actor, id),
});
