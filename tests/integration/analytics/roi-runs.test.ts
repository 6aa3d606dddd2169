import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { roiUsage } from '../../../src/server/analytics/queries/roi-usage';
import { recordEvents, type EventInput } from '../../../src/server/analytics/record-event';
import { createTestDb, type TestDb } from '../../helpers/test-db';

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(() => t.cleanup());

const run = (path: string, model: string, minute: number): EventInput => ({
  type: 'roi_computed',
  visitorId: `roi-runner-${minute}`,
  occurredAt: new Date(Date.UTC(2026, 9, 26, 10, minute)).toISOString(),
  path,
  properties: { model },
});

describe('calculator runs are counted by the model that ran, not the page that sent them', () => {
  it.each([
    ['the model page with a trailing slash', '/roi/attrition/', 'attrition', 1],
    ['the ROI index page', '/roi', 'speed-to-lead', 2],
    ['another model’s page', '/roi/attrition', 'market-sizing', 3],
    ['a persona page', '/for/executives', 'market-sizing', 4],
  ])('a run posted from %s counts for its model', async (_, path, model, minute) => {
    const before = await roiUsage(t.db, { from: '2026-10-26', to: '2026-10-26' });
    const runsOf = (usage: typeof before) =>
      Object.fromEntries(usage.models.map((m) => [m.model, m.calculatorRuns]));
    await recordEvents(t.db, [run(path, model, minute)]);
    const after = await roiUsage(t.db, { from: '2026-10-26', to: '2026-10-26' });
    const expected = { ...runsOf(before), [model]: (runsOf(before)[model] ?? 0) + 1 };
    expect(runsOf(after)).toEqual(expected);
  });
});
