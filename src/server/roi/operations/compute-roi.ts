import { anyone } from '../../operations/access';
import { defineOperation } from '../../operations/operation';
import { computeRoi as runModel } from '../compute';
import { computeInputSchema } from '../schemas';

/**
 * Runs a model for anyone (the calculator works signed out); inputs left out take their
 * defaults. Tornado and Monte Carlo on request.
 */
export const computeRoi = defineOperation({
  name: 'roi.compute',
  kind: 'query',
  input: computeInputSchema,
  access: anyone,
  handle: (_context, input) => runModel(input),
});
