import { z } from 'zod';
import { signedIn } from '../../operations/access';
import { defineOperation } from '../../operations/operation';
import { getScenario as findOwn } from '../scenarios';
import { scenarioIdSchema } from '../schemas';

/** `{ id }` of a scenario: the input of every use case that acts on one. */
export const scenarioIdInput = z.object({ id: scenarioIdSchema }).strict();

/** A scenario the user owns, recomputed, with its share link; anyone else's id is a 404. */
export const getScenario = defineOperation({
  name: 'roi.getScenario',
  kind: 'query',
  input: scenarioIdInput,
  access: signedIn,
  handle: ({ db, actor }, { id }) => findOwn(db, actor, id),
});
