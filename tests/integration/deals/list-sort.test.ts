import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDeal } from '../../../src/server/deals/register';
import { listDealsPage, type DealSort } from '../../../src/server/deals/repository';
import { dealInput, makePortalWorld, type PortalWorld } from '../../helpers/portal';
import { createTestDb, type TestDb } from '../../helpers/test-db';

let t: TestDb;
let w: PortalWorld;
beforeAll(async () => {
  t = await createTestDb();
  w = await makePortalWorld(t.db);
});
afterAll(() => t.cleanup());

describe('deal lists sorted on a column that may be empty', () => {
  const cases: [DealSort, 'protected_until' | 'review_due_at'][] = [
    ['expiry_asc', 'protected_until'],
    ['due_asc', 'review_due_at'],
  ];
  it.each(cases)('%s puts deals without %s last, on every dialect', async (sort, column) => {
    const partnerId = sort === 'expiry_asc' ? w.partnerA : w.partnerB;
    const owner = sort === 'expiry_asc' ? w.repA : w.repB;
    // Registered in this order; the dates make the expected order differ from it.
    const values = [null, '2027-03-01T00:00:00.000Z', null, '2027-01-01T00:00:00.000Z'];
    const ids: string[] = [];
    for (const value of values) {
      const deal = await createDeal(t.db, owner, dealInput());
      await t.db
        .updateTable('deals')
        .set({ [column]: value })
        .where('id', '=', deal.id)
        .execute();
      ids.push(deal.id);
    }
    const { rows, total } = await listDealsPage(t.db, { partnerId }, sort, 10, 0);
    expect(total).toBe(4);
    // Dated deals soonest first, then the undated ones by the tie-break (id, descending).
    const undated = [ids[0]!, ids[2]!].sort().reverse();
    expect(rows.map((r) => r.id)).toEqual([ids[3], ids[1], ...undated]);
    const secondPage = await listDealsPage(t.db, { partnerId }, sort, 2, 2);
    expect(secondPage.rows.map((r) => r.id)).toEqual(undated);
  });
});
