import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  deleteIdleVisitorSessions,
  deleteOldEvents,
  retentionDays,
} from '../../../src/server/analytics/retention';
import { readRollups } from '../../../src/server/analytics/recompute';
import { dailySalt, discardOldSalts } from '../../../src/server/analytics/visitor-hash';
import { recordEvents } from '../../../src/server/analytics/record-event';
import { createTestDb, type TestDb } from '../../helpers/test-db';

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(() => t.cleanup());

describe('analytics retention', () => {
  it('reads ANALYTICS_RETENTION_DAYS, defaulting to 395', () => {
    expect(retentionDays({})).toBe(395);
    expect(retentionDays({ ANALYTICS_RETENTION_DAYS: '30' })).toBe(30);
    expect(retentionDays({ ANALYTICS_RETENTION_DAYS: '0' })).toBe(0);
    expect(retentionDays({ ANALYTICS_RETENTION_DAYS: 'soon' })).toBe(395);
  });

  it('deletes raw events past the retention, in chunks, and keeps the rollups', async () => {
    const now = new Date('2026-11-01T00:00:00Z');
    await recordEvents(
      t.db,
      Array.from({ length: 25 }, (_, i) => ({
        type: 'page_view' as const,
        visitorId: `r${i}`,
        occurredAt: new Date(now.getTime() - (i < 20 ? 40 : 5) * 86_400_000).toISOString(),
        path: '/',
      })),
    );
    const rollupsBefore = await readRollups(t.db);
    expect(await deleteOldEvents(t.db, 0, now)).toBe(0);
    expect(await deleteOldEvents(t.db, 30, now, 7)).toBe(20);
    const left = await t.db.selectFrom('events').select('id').execute();
    expect(left).toHaveLength(5);
    expect(await readRollups(t.db)).toEqual(rollupsBefore);
  });

  it('forgets idle visit state and past days’ salts', async () => {
    const now = new Date('2026-11-01T12:00:00Z');
    // Three visits recorded as they happened, a day and a half ago, and one an hour ago.
    const recorded = new Date(now.getTime() - 36 * 3_600_000);
    await recordEvents(
      t.db,
      ['idle-a', 'idle-b', 'idle-c'].map((visitorId) => ({
        type: 'page_view' as const,
        visitorId,
        occurredAt: recorded.toISOString(),
        path: '/',
      })),
      recorded,
    );
    const recent = new Date(now.getTime() - 3_600_000);
    await recordEvents(
      t.db,
      [{ type: 'page_view', visitorId: 'idle-d', occurredAt: recent.toISOString(), path: '/' }],
      recent,
    );
    expect(await deleteIdleVisitorSessions(t.db, now)).toBe(3);
    const kept = await t.db.selectFrom('visitor_sessions').select('visitor_id').execute();
    expect(kept.map((r) => r.visitor_id)).toEqual(['idle-d']);
    await dailySalt(t.db, new Date('2026-10-31T10:00:00Z'));
    const today = await dailySalt(t.db, now);
    expect(await discardOldSalts(t.db, now)).toBe(1);
    expect(await dailySalt(t.db, now)).toBe(today);
  });
});
