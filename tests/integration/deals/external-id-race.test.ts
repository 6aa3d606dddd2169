import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase, type Db } from '../../../src/server/db';
import { createDeal, updateDeal } from '../../../src/server/deals/register';
import { dealInput, makePortalWorld, type PortalWorld } from '../../helpers/portal';
import { createTestDb, type TestDb } from '../../helpers/test-db';

let t: TestDb;
let w: PortalWorld;
let other: Db;
beforeAll(async () => {
  t = await createTestDb();
  w = await makePortalWorld(t.db);
  other = createDatabase(t.url);
});
afterAll(async () => {
  await other.destroy();
  await t.cleanup();
});

type Write = 'create' | 'update';

/** A write that registers a new deal with the external id, or gives it to an existing draft. */
async function prepare(kind: Write): Promise<(db: Db, externalId: string) => Promise<unknown>> {
  if (kind === 'create')
    return (db, externalId) => createDeal(db, w.anaA, dealInput({ externalId }));
  const draft = await createDeal(t.db, w.anaA, dealInput());
  return (db, externalId) => updateDeal(db, w.anaA, draft.id, { ...dealInput(), externalId });
}

describe('two requests claiming one external id at once, on two connections', () => {
  const races: [Write, Write][] = [
    ['create', 'create'],
    ['create', 'update'],
    ['update', 'update'],
  ];
  it.each(races)('%s and %s: one succeeds, the other is a 409 on externalId', async (a, b) => {
    const externalId = `CRM-${a}-${b}`;
    const [first, second] = [await prepare(a), await prepare(b)];
    // Both connections open before the race, so the two transactions overlap.
    await Promise.all([t.db, other].map((db) => sql`select 1`.execute(db)));
    const outcomes = await Promise.allSettled([first(t.db, externalId), second(other, externalId)]);
    const failures = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
    expect(failures).toHaveLength(1);
    const error = failures[0]!.reason as { code: string; message: string; issues: unknown };
    expect(error.code).toBe('CONFLICT');
    expect(error.message).toMatch(new RegExp(`^External id ${externalId} is already used by`));
    expect(error.issues).toEqual([
      { path: 'externalId', message: expect.stringMatching(/^Already used by/) },
    ]);
    const holders = await t.db
      .selectFrom('deals')
      .select('id')
      .where('partner_id', '=', w.partnerA)
      .where('external_id', '=', externalId)
      .execute();
    expect(holders).toHaveLength(1);
  });
});
