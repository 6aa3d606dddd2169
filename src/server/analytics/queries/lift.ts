import { PERSONA_SLUGS } from '../../../lib/catalog';
import {
  compareLift,
  daysToDetect,
  minimumDetectableEffect,
  type LiftResult,
  type Proportion,
} from '../../../lib/analytics/stats';
import { eachDay, type DashboardFilter } from '../../../lib/analytics/range';
import type { DbOrTx } from '../../db';

export interface PersonaLift extends LiftResult {
  persona: string;
  /** The smallest difference these arms could detect (95%, power 80%); null without data. */
  detectable: number | null;
  /** More days at the period's daily rate until the difference seen so far is detectable. */
  daysToDetect: number | null;
}

/**
 * What a result could show and how long until it could show more: the minimum detectable
 * effect at the current sample, and the days of traffic (at the period's rate) until an effect
 * the size of the one observed becomes detectable.
 */
function withPower(
  result: LiftResult,
  days: number,
): Pick<PersonaLift, 'detectable' | 'daysToDetect'> {
  const { personalized: p, holdout: h } = result;
  const pooled = p.trials + h.trials > 0 ? (p.successes + h.successes) / (p.trials + h.trials) : 0;
  return {
    detectable: minimumDetectableEffect(p.trials, h.trials, pooled),
    daysToDetect: daysToDetect(
      result.difference,
      { n1: p.trials, n2: h.trials, perDay1: p.trials / days, perDay2: h.trials / days },
      pooled,
    ),
  };
}

/**
 * Personalised against holdout conversion per persona, for visitors first exposed in the
 * period. Conversion: a lead created within 7 days of exposure.
 */
export async function liftReport(
  db: DbOrTx,
  filter: DashboardFilter,
): Promise<{
  personas: PersonaLift[];
  overall: LiftResult & Pick<PersonaLift, 'detectable' | 'daysToDetect'>;
}> {
  const days = eachDay(filter.from, filter.to).length;
  const rows = await db
    .selectFrom('rollup_lift')
    .select([
      'persona',
      'variant',
      (eb) => eb.fn.sum<number>('exposed').as('exposed'),
      (eb) => eb.fn.sum<number>('converted').as('converted'),
    ])
    .where('day', '>=', filter.from)
    .where('day', '<=', filter.to)
    .$if(!!filter.persona, (q) => q.where('persona', '=', filter.persona!))
    .groupBy(['persona', 'variant'])
    .execute();
  const arm = (persona: string | null, variant: string): Proportion => {
    const matching = rows.filter(
      (r) => r.variant === variant && (persona === null || r.persona === persona),
    );
    return {
      trials: matching.reduce((a, r) => a + Number(r.exposed ?? 0), 0),
      successes: matching.reduce((a, r) => a + Number(r.converted ?? 0), 0),
    };
  };
  const personas = PERSONA_SLUGS.filter((p) => !filter.persona || p === filter.persona).map(
    (persona) => {
      const result = compareLift(arm(persona, 'personalized'), arm(persona, 'holdout'));
      return { persona, ...result, ...withPower(result, days) };
    },
  );
  const overall = compareLift(arm(null, 'personalized'), arm(null, 'holdout'));
  return { personas, overall: { ...overall, ...withPower(overall, days) } };
}
