import { z } from 'zod';
import type { HoldoutSettings } from '../../lib/personas/resolve';

const schema = z.object({
  PERSONA_HOLDOUT_PERCENT: z.coerce.number().min(0).max(50).default(5),
  PERSONA_PROGRAM: z
    .string()
    .regex(/^[a-z0-9-]{1,40}$/, 'use lower-case letters, digits and -')
    .default('persona-site'),
});

let cached: HoldoutSettings | undefined;

/**
 * The holdout experiment: PERSONA_HOLDOUT_PERCENT (0–50, default 5) of visitors with an inferred
 * persona see the generic page; PERSONA_PROGRAM names the experiment (changing it reshuffles
 * who is held out). Read once; an invalid value stops the server with the variable named.
 */
export function holdoutSettings(env: NodeJS.ProcessEnv = process.env): HoldoutSettings {
  if (cached && env === process.env) return cached;
  const parsed = schema.safeParse({
    PERSONA_HOLDOUT_PERCENT: env.PERSONA_HOLDOUT_PERCENT || undefined,
    PERSONA_PROGRAM: env.PERSONA_PROGRAM || undefined,
  });
  if (!parsed.success) {
    const details = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Invalid environment configuration: ${details}`);
  }
  const settings = {
    percent: parsed.data.PERSONA_HOLDOUT_PERCENT,
    program: parsed.data.PERSONA_PROGRAM,
  };
  if (env === process.env) cached = settings;
  return settings;
}
