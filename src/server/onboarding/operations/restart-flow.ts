import { anyone } from '../../operations/access';
import { defineOperation } from '../../operations/operation';
import { restartFlow as startAgain } from '../service';
import { flowOf, flowVisitInput, flowVisitorOf } from './flow-visit';

/** "Start a new request" after completing a flow: the same answers as defaults, a new attempt. */
export const restartFlow = defineOperation({
  name: 'onboarding.restart',
  kind: 'mutation',
  input: flowVisitInput,
  access: anyone,
  handle: async (context, input) => {
    const visitor = flowVisitorOf(context, input);
    await startAgain(context.db, flowOf(input.slug), visitor, context.now);
    return { resumeToken: visitor.resumeToken };
  },
});
