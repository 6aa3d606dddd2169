import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUSINESS_EVENT_TYPES } from '../../../src/lib/events';
import { overview } from '../../../src/server/analytics/queries/overview';
import { recomputeRollups } from '../../../src/server/analytics/recompute';
import { recordEvents, type EventInput } from '../../../src/server/analytics/record-event';
import { createTestDb, type TestDb } from '../../helpers/test-db';

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(() => t.cleanup());

const at = (day: number, hour: number) => new Date(Date.UTC(2026, 9, day, hour)).toISOString();

describe('business events are not website traffic', () => {
  it('a day with only deals and lead work shows no visitors and no visits, and still counts the events', async () => {
    const work: EventInput[] = BUSINESS_EVENT_TYPES.map((type, i) => ({
      type,
      visitorId: i % 2 === 0 ? `user:biz-${i}` : `lead:biz-${i}`,
      occurredAt: at(21, 9 + i),
      partnerRef: 'northwind',
    }));
    await recordEvents(t.db, work);
    const report = await overview(t.db, { from: '2026-10-21', to: '2026-10-21' });
    expect(report.totals).toEqual({ visitorDays: 0, sessions: 0, pageViews: 0 });
    const stored = await t.db
      .selectFrom('events')
      .select(['type', 'session_id'])
      .where('occurred_at', '>=', at(21, 0))
      .where('occurred_at', '<', at(22, 0))
      .execute();
    expect(stored.map((e) => e.type).sort()).toEqual([...BUSINESS_EVENT_TYPES].sort());
    expect(stored.every((e) => e.session_id === null)).toBe(true);
  });

  it('a visitor who browses and converts is one visitor with one visit; the conversion adds neither', async () => {
    await recordEvents(t.db, [
      { type: 'page_view', visitorId: 'biz-visitor', occurredAt: at(22, 9), path: '/' },
      { type: 'flow_completed', visitorId: 'biz-visitor', occurredAt: '2026-10-22T09:10:00.000Z' },
      // A day later the sales team answers: not a visit by the visitor.
      { type: 'lead_responded', visitorId: 'biz-visitor', occurredAt: at(23, 9) },
    ]);
    const report = await overview(t.db, { from: '2026-10-22', to: '2026-10-23' });
    expect(report.totals.visitorDays).toBe(1);
    expect(report.totals.sessions).toBe(1);
  });

  it('the reference recompute from raw events applies the same rule', async () => {
    const snapshot = await recomputeRollups(t.db, []);
    const visitors = snapshot.visitors.filter((k) => k.includes('biz'));
    expect(visitors.sort()).toEqual(['2026-10-22|all|biz-visitor']);
  });
});
