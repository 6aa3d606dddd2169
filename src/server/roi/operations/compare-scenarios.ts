import { signedIn } from '../../operations/access';
import { defineOperation } from '../../operations/operation';
import { compareScenarios as recomputeSideBySide } from '../scenarios';
import { compareScenariosSchema } from '../schemas';

/** Two to four of the user's scenarios, in the order asked; one that is not theirs is a 404. */
export const compareScenarios = defineOperation({
  name: 'roi.compareScenarios',
  kind: 'query',
  input: compareScenariosSchema,
  access: signedIn,
  handle: ({ db, actor }, { ids }) => recomputeSideBySide(db, actor, ids),
});
