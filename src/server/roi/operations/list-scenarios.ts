import { signedIn } from '../../operations/access';
import { defineOperation } from '../../operations/operation';
import { listScenarios as listOwn } from '../scenarios';
import { listScenariosSchema } from '../schemas';

/** One page of the user's own scenarios, most recently changed first; no input is page 1. */
export const listScenarios = defineOperation({
  name: 'roi.listScenarios',
  kind: 'query',
  input: listScenariosSchema.default({}),
  access: signedIn,
  handle: ({ db, actor }, input) => listOwn(db, actor, input),
});
