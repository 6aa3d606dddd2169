import type { Db } from '../../src/server/db';
import { resolveValues } from '../../src/server/roi/compute';
import { insertScenario } from '../../src/server/roi/repository';
import { buildScenarioRow } from '../../src/server/roi/scenarios';

/** Demo scenarios for the executive login, so the saved-scenario list is not empty. */
const DEMO_SCENARIOS = [
  {
    name: 'Virtual agents, phase 1 (30% of agents)',
    description: 'The sourced defaults: 500 agents, three in ten moved home in the first phase.',
    model: 'attrition' as const,
    inputs: {},
  },
  {
    name: 'Virtual agents, full rollout (60% of agents)',
    description: 'Twice the first phase, with a larger implementation budget and a longer ramp.',
    model: 'attrition' as const,
    inputs: { adoptionShare: 0.6, implementationCost: 180_000, rampMonths: 9 },
  },
  {
    name: 'Inbound leads answered in five minutes',
    description: 'From 30 minutes to 5 on the MIT qualify curve, with the default funnel.',
    model: 'speed-to-lead' as const,
    inputs: {},
  },
];

/**
 * Creates the demo scenarios for exec@chasm.test once: nothing happens when that user is
 * missing or already has scenarios. No analytics events are written for demo data.
 */
export async function seedDemoScenarios(db: Db, now: Date = new Date()): Promise<boolean> {
  const exec = await db
    .selectFrom('users')
    .select('id')
    .where('email', '=', 'exec@chasm.test')
    .executeTakeFirst();
  if (!exec) return false;
  const existing = await db
    .selectFrom('roi_scenarios')
    .select('id')
    .where('owner_id', '=', exec.id)
    .executeTakeFirst();
  if (existing) return false;
  await db.transaction().execute(async (trx) => {
    for (const [i, s] of DEMO_SCENARIOS.entries()) {
      // A minute apart, so the list shows them in this order, newest first.
      const at = new Date(now.getTime() - (DEMO_SCENARIOS.length - i) * 60_000);
      const values = resolveValues(s.model, s.inputs);
      await insertScenario(
        trx,
        buildScenarioRow(
          exec.id,
          { name: s.name, description: s.description, model: s.model, values },
          at,
        ),
      );
    }
  });
  await seedPartnerScenario(db, now);
  return true;
}

/** The business case Northwind attached to its Contoso deal (see portal-deals.ts). */
export const CONTOSO_SCENARIO_NAME = 'Contoso Pharmaceuticals: patient-support hotline, 120 agents';

async function seedPartnerScenario(db: Db, now: Date): Promise<void> {
  const ana = await db
    .selectFrom('users')
    .select('id')
    .where('email', '=', 'ana@northwind.test')
    .executeTakeFirst();
  if (!ana) return;
  const values = resolveValues('attrition', { agents: 120, adoptionShare: 0.3 });
  await insertScenario(
    db,
    buildScenarioRow(
      ana.id,
      {
        name: CONTOSO_SCENARIO_NAME,
        description: 'Built with Contoso for the first phase: a third of the hotline moved home.',
        model: 'attrition',
        values,
      },
      new Date(now.getTime() - 172 * 86_400_000),
    ),
  );
}
