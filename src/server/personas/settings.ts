import type { HoldoutSettings } from '../../lib/personas/resolve';
import { config, loadConfig } from '../config';

/**
 * The holdout experiment: PERSONA_HOLDOUT_PERCENT (0–50, default 5) of visitors with an inferred
 * persona see the generic page; PERSONA_PROGRAM names the experiment (changing it reshuffles
 * who is held out). Validated with the rest of the environment in `config.ts`; an invalid value
 * stops the server with the variable named.
 */
export function holdoutSettings(env: NodeJS.ProcessEnv = process.env): HoldoutSettings {
  return env === process.env ? config().holdout : loadConfig(env).holdout;
}
