import { z } from 'zod';
import { anyone } from '../../operations/access';
import { defineOperation } from '../../operations/operation';
import { describeModel } from '../compute';
import { modelIdSchema } from '../schemas';

/** A model's inputs with their defaults, ranges and sources; public, like the calculator. */
export const getModel = defineOperation({
  name: 'roi.model',
  kind: 'query',
  input: z.object({ model: modelIdSchema }).strict(),
  access: anyone,
  handle: (_context, { model }) => describeModel(model),
});
