import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pipeline } from '../../../src/server/analytics/queries/pipeline';
import { decideDeal, markDealOutcome } from '../../../src/server/deals/actions';
import { createDeal } from '../../../src/server/deals/register';
import { dealInput, makePortalWorld, type PortalWorld } from '../../helpers/portal';
import { createTestDb, type TestDb } from '../../helpers/test-db';

let t: TestDb;
let w: PortalWorld;
const at = (day: number, hour = 9) => new Date(Date.UTC(2026, 9, day, hour));

beforeAll(async () => {
  t = await createTestDb();
  w = await makePortalWorld(t.db);
  const register = (
    who = w.anaA,
    n: number,
    value: number,
    currency: 'USD' | 'EUR' = 'USD',
    template?: 'speed-to-lead',
  ) =>
    createDeal(
      t.db,
      who,
      dealInput({
        customerName: `Customer ${n}`,
        customerDomain: `customer-${n}.test`,
        valueCents: value,
        currency,
        ...(template ? { templateSlug: template } : {}),
      }),
      { submit: true },
      at(1),
    );
  const won = await register(w.anaA, 1, 100_000_00, 'USD', 'speed-to-lead');
  await decideDeal(t.db, w.channel, won.id, 'approve', undefined, at(1, 20)); // within 48 h
  await markDealOutcome(t.db, w.anaA, won.id, 'won', undefined, at(5));
  const lost = await register(w.anaA, 2, 50_000_00);
  await decideDeal(t.db, w.channel, lost.id, 'approve', undefined, at(4)); // 3 days: late
  await markDealOutcome(t.db, w.anaA, lost.id, 'lost', 'Budget cut', at(6));
  await register(w.leeB, 3, 20_000_00, 'EUR'); // waiting
});
afterAll(() => t.cleanup());

describe('partner pipeline', () => {
  it('groups deals by stage, partner and template with value per currency and win rate', async () => {
    const p = await pipeline(t.db, { from: '2026-10-01', to: '2026-10-31' }, at(7));
    expect(p.byStage.map((g) => [g.key, g.deals])).toEqual([
      ['submitted', 1],
      ['won', 1],
      ['lost', 1],
    ]);
    const alpha = p.byPartner.find((g) => g.key === w.partnerA)!;
    expect(alpha).toMatchObject({ deals: 2, won: 1, lost: 1, winRate: 0.5 });
    expect(alpha.values).toEqual([{ currency: 'USD', valueCents: 150_000_00 }]);
    expect(p.byPartner.find((g) => g.key === w.partnerB)!.values).toEqual([
      { currency: 'EUR', valueCents: 20_000_00 },
    ]);
    expect(p.byTemplate.find((g) => g.key === 'speed-to-lead')).toMatchObject({
      deals: 1,
      winRate: 1,
    });
  });

  it('compares review decisions with their deadline and counts overdue reviews', async () => {
    const p = await pipeline(t.db, { from: '2026-10-01', to: '2026-10-31' }, at(7));
    expect(p.decisions).toMatchObject({ decided: 2, withinDeadline: 1, overdueOpen: 1 });
    // 11 hours and 72 hours from submission to decision.
    expect(p.decisions.medianHours).toBeCloseTo((11 + 72) / 2, 5);
  });
});
