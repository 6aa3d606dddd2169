import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDeal } from '../../../src/server/deals/register';
import { submitDeal } from '../../../src/server/deals/actions';
import { DuplicateDealError } from '../../../src/server/deals/errors';
import { metrics } from '../../../src/server/metrics';
import { dealInput, makePortalWorld, type PortalWorld } from '../../helpers/portal';
import { createTestDb, type TestDb } from '../../helpers/test-db';

/**
 * Issue 12, point 3: registering and submitting a deal in one step runs the conflict rules once
 * (the duplicate check's findings are the submission's), and a refused duplicate carries the
 * report the page shows, so nothing runs them a third time.
 */
let t: TestDb;
let w: PortalWorld;
beforeAll(async () => {
  t = await createTestDb();
  w = await makePortalWorld(t.db);
});
afterAll(() => t.cleanup());

async function runs(): Promise<Record<string, number>> {
  const metric = await metrics.conflictRuns.get();
  return Object.fromEntries(metric.values.map((v) => [String(v.labels.purpose), v.value]));
}

async function runsDuring(work: () => Promise<unknown>): Promise<Record<string, number>> {
  const before = await runs();
  await work();
  const after = await runs();
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  return Object.fromEntries(
    [...keys].map((k) => [k, (after[k] ?? 0) - (before[k] ?? 0)]).filter(([, n]) => n !== 0),
  );
}

describe('the conflict rules run once per registration', () => {
  it('registering and submitting at once: one run', async () => {
    expect(await runsDuring(() => createDeal(t.db, w.anaA, dealInput(), { submit: true }))).toEqual(
      { register: 1 },
    );
  });

  it('a draft submitted later: one run to register, one to submit (the deal may have changed)', async () => {
    let id = '';
    expect(
      await runsDuring(async () => {
        id = (await createDeal(t.db, w.anaA, dealInput())).id;
      }),
    ).toEqual({ register: 1 });
    expect(await runsDuring(() => submitDeal(t.db, w.anaA, id))).toEqual({ submit: 1 });
  });

  it('a refused duplicate: one run, and the refusal carries its report', async () => {
    const input = dealInput();
    await createDeal(t.db, w.anaA, input);
    let refusal: unknown;
    expect(
      await runsDuring(() =>
        createDeal(t.db, w.anaA, input, { submit: true }).catch((error) => {
          refusal = error;
        }),
      ),
    ).toEqual({ register: 1 });
    expect(refusal).toBeInstanceOf(DuplicateDealError);
    expect((refusal as DuplicateDealError).report?.duplicate?.customerName).toBe(
      input.customerName,
    );
  });
});
