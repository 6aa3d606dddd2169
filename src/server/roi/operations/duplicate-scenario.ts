import { z } from 'zod';
import { signedIn } from '../../operations/access';
import { defineOperation } from '../../operations/operation';
import { duplicateScenario as copyScenario } from '../scenarios';
import { scenarioIdSchema, scenarioNameSchema } from '../schemas';

/** Copies one of the user's scenarios, as “… (copy)” unless a name is given. */
export const duplicateScenario = defineOperation({
  name: 'roi.duplicateScenario',
  kind: 'mutation',
  input: z.object({ id: scenarioIdSchema, name: scenarioNameSchema.optional() }).strict(),
  access: signedIn,
  handle: ({ db, actor, now }, input) => copyScenario(db, actor, input, now),
});
