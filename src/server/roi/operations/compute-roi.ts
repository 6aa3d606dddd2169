import { hitLimit, type Limit } from '../../auth/rate-limit';
import { config } from '../../config';
import { AppError } from '../../errors';
import { anyone } from '../../operations/access';
import { defineOperation } from '../../operations/operation';
import { computeRoi as runModel } from '../compute';
import { computeInputSchema } from '../schemas';

/**
 * What one caller may ask of the server per minute. A full run (sensitivity and 50,000 trials)
 * costs 80–320 ms of CPU, so a visitor, counted by client address, gets ROI_COMPUTE_PER_MINUTE
 * runs (default 30) and at most 10,000 trials; a signed-in user gets ten times the runs and the
 * schema's 50,000 trials. A call with no address (in process) is not counted. The calculators
 * compute in the browser and never call this.
 */
export const VISITOR_MAX_TRIALS = 10_000;

export function computeLimit(isSignedIn: boolean): Limit {
  const perMinute = config().roiComputePerMinute;
  return { max: isSignedIn ? perMinute * 10 : perMinute, windowMs: 60_000 };
}

/**
 * Runs a model for anyone (the calculator works signed out); inputs left out take their
 * defaults. Tornado and Monte Carlo on request, within the limits above.
 */
export const computeRoi = defineOperation({
  name: 'roi.compute',
  kind: 'query',
  input: computeInputSchema,
  access: anyone,
  handle: async ({ db, actor, now, request }, input) => {
    const trials = input.monteCarlo?.trials ?? 0;
    if (!actor && trials > VISITOR_MAX_TRIALS) {
      throw new AppError('BAD_REQUEST', 'Sign in to run more than 10,000 trials.', {
        issues: [
          { path: 'monteCarlo.trials', message: 'Without signing in, run at most 10,000 trials.' },
        ],
      });
    }
    const key = actor
      ? `roi-compute:user:${actor.id}`
      : request
        ? `roi-compute:ip:${request.clientIp}`
        : null;
    if (key) {
      const limit = computeLimit(actor !== null);
      const state = await hitLimit(db, key, limit, now);
      if (state.isExceeded) {
        throw new AppError(
          'TOO_MANY_REQUESTS',
          `That is more than ${limit.max} calculations a minute. Try again in ${state.retryAfterSeconds} seconds.`,
          { retryAfterSeconds: state.retryAfterSeconds },
        );
      }
    }
    return runModel(input);
  },
});
