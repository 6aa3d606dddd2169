import { z } from 'zod';
import type { RawValues } from '../../../lib/personas/fields';
import { findStep } from '../../../lib/personas/flow';
import { anyone } from '../../operations/access';
import { defineOperation } from '../../operations/operation';
import { submitFlowStep as saveStep } from '../service';
import { flowOf, flowVisitInput, flowVisitorOf } from './flow-visit';

const answerValue = z.union([z.string(), z.array(z.string())]);

export const submitFlowStepInput = flowVisitInput.extend({
  step: z.string().max(80),
  /** The posted fields; only the step's own are read, each checked by the step's schema. */
  values: z.record(z.string(), answerValue).default({}),
});

/**
 * Saves one step's answers and moves on, or completes the flow after the last step (a lead,
 * its e-mails and, for integrators, a partner application). Wrong answers come back by field.
 */
export const submitFlowStep = defineOperation({
  name: 'onboarding.submitStep',
  kind: 'mutation',
  input: submitFlowStepInput,
  access: anyone,
  handle: (context, input) => {
    const flow = flowOf(input.slug);
    const values: RawValues = {};
    for (const f of findStep(flow, input.step)?.fields ?? []) values[f.name] = input.values[f.name];
    return saveStep(
      context.db,
      flow,
      flowVisitorOf(context, input),
      input.step,
      values,
      context.now,
    );
  },
});
