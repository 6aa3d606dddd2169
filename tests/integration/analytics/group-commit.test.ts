import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventInput } from '../../../src/server/analytics/record-event';
import { EventGroupCommit } from '../../../src/server/analytics/group-commit';
import { createTestDb, type TestDb } from '../../helpers/test-db';

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(() => t.cleanup());

const exposure = (visitorId: string): EventInput => ({
  type: 'experience_viewed',
  visitorId,
  persona: 'developers',
  variant: 'personalized',
});
const count = async (prefix: string) =>
  (
    await t.db
      .selectFrom('events')
      .select('visitor_id')
      .where('visitor_id', 'like', `${prefix}%`)
      .execute()
  ).length;

describe('group commit of exposures', () => {
  it('resolves each caller only once its event is stored, batching a burst into few inserts', async () => {
    let inserts = 0;
    const writer = new EventGroupCommit(() => {
      inserts++;
      return t.db;
    });
    const burst = Array.from({ length: 1200 }, (_, i) => writer.record(exposure(`burst-${i}`)));
    await Promise.all(burst);
    expect(await count('burst-')).toBe(1200);
    expect(inserts).toBeLessThanOrEqual(3);
  });

  it('fails every request of a batch whose write fails, and stores none of it', async () => {
    const writer = new EventGroupCommit(() => t.db);
    const good = writer.record(exposure('failing-1'));
    const bad = writer.record({ ...exposure('failing-2'), visitorId: null as unknown as string });
    const results = await Promise.allSettled([good, bad]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    expect(await count('failing-')).toBe(0);
    // The next batch is unaffected.
    await writer.record(exposure('after-1'));
    expect(await count('after-')).toBe(1);
  });
});
