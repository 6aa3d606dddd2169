import { PERSONA_SLUGS } from '../../../lib/catalog';
import { compareLift, type LiftResult } from '../../../lib/analytics/stats';
import type { DashboardFilter } from '../../../lib/analytics/range';
import type { DbOrTx } from '../../db';

export interface PersonaLift extends LiftResult {
  persona: string;
}

/**
 * Personalised against holdout conversion per persona, for visitors first exposed in the
 * period. Conversion: a lead created within 7 days of exposure.
 */
export async function liftReport(
  db: DbOrTx,
  filter: DashboardFilter,
): Promise<{ personas: PersonaLift[]; overall: LiftResult }> {
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
  const arm = (persona: string | null, variant: string) => {
    const matching = rows.filter(
      (r) => r.variant === variant && (persona === null || r.persona === persona),
    );
    return {
      trials: matching.reduce((a, r) => a + Number(r.exposed ?? 0), 0),
      successes: matching.reduce((a, r) => a + Number(r.converted ?? 0), 0),
    };
  };
  const personas = PERSONA_SLUGS.filter((p) => !filter.persona || p === filter.persona).map(
    (persona) => ({
      persona,
      ...compareLift(arm(persona, 'personalized'), arm(persona, 'holdout')),
    }),
  );
  return { personas, overall: compareLift(arm(null, 'personalized'), arm(null, 'holdout')) };
}
