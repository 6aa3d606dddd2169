import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDeal } from '../../../src/server/deals/register';
import { AppError } from '../../../src/server/errors';
import { attachedScenario, scenarioChoicesForDeal } from '../../../src/server/roi/deal-scenarios';
import { saveScenario } from '../../../src/server/roi/scenarios';
import { dealInput, makePortalWorld, type PortalWorld } from '../../helpers/portal';
import { createTestDb, type TestDb } from '../../helpers/test-db';

let t: TestDb;
let w: PortalWorld;
let mine: string;
let theirs: string;

beforeAll(async () => {
  t = await createTestDb();
  w = await makePortalWorld(t.db);
  mine = (
    await saveScenario(t.db, w.anaA, {
      name: 'Alpha case for Acme',
      model: 'attrition',
      inputs: {},
    })
  ).id;
  theirs = (
    await saveScenario(t.db, w.leeB, { name: 'Beta secret case', model: 'attrition', inputs: {} })
  ).id;
});
afterAll(() => t.cleanup());

describe('an ROI scenario on a deal', () => {
  it('offers the scenarios of the own company only, colleagues included', async () => {
    const choices = await scenarioChoicesForDeal(t.db, w.repA);
    expect(choices.map((c) => c.name)).toEqual(['Alpha case for Acme']);
    expect(typeof choices[0]!.npvCents).toBe('number');
  });

  it('attaches a colleague’s scenario and shows its summary on the deal', async () => {
    const deal = await createDeal(t.db, w.repA, dealInput({ roiScenarioId: mine }));
    const summary = await attachedScenario(t.db, {
      partnerId: w.partnerA,
      roiScenarioId: deal.roi_scenario_id,
    });
    expect(summary?.name).toBe('Alpha case for Acme');
  });

  it('refuses another company’s scenario as unknown, naming the field', async () => {
    const error = await createDeal(
      t.db,
      w.anaA,
      dealInput({
        customerName: 'Other Co',
        customerDomain: 'other-co.test',
        roiScenarioId: theirs,
      }),
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).issues?.[0]?.path).toBe('roiScenarioId');
    expect((error as AppError).message).not.toContain('Beta secret case');
  });
});
