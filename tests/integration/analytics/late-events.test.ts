import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { overview } from '../../../src/server/analytics/queries/overview';
import { deleteIdleVisitorSessions } from '../../../src/server/analytics/retention';
import { recordEvents, type EventInput } from '../../../src/server/analytics/record-event';
import { createTestDb, type TestDb } from '../../helpers/test-db';

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(() => t.cleanup());

const view = (visitorId: string, iso: string): EventInput => ({
  type: 'page_view',
  visitorId,
  occurredAt: iso,
  path: '/',
});

async function sessionsOf(visitorId: string) {
  const rows = await t.db
    .selectFrom('events')
    .select(['occurred_at', 'session_id'])
    .where('visitor_id', '=', visitorId)
    .orderBy('occurred_at')
    .execute();
  return rows.map((r) => `${r.occurred_at.slice(5, 16)} ${r.session_id}`);
}

describe('a late event is placed in the visit its own time belongs to', () => {
  it('late by a day: a visit on that day, so that day never has more visitors than visits', async () => {
    await recordEvents(t.db, [view('late-a', '2026-10-28T12:00:00.000Z')]);
    // A beacon queued offline yesterday arrives now.
    await recordEvents(t.db, [
      view('late-a', '2026-10-27T09:00:00.000Z'),
      view('late-a', '2026-10-27T09:10:00.000Z'),
    ]);
    const yesterday = await overview(t.db, { from: '2026-10-27', to: '2026-10-27' });
    expect(yesterday.totals).toEqual({ visitorDays: 1, sessions: 1, pageViews: 2 });
    const today = await overview(t.db, { from: '2026-10-28', to: '2026-10-28' });
    expect(today.totals).toEqual({ visitorDays: 1, sessions: 1, pageViews: 1 });
    // The current visit goes on: an event at 12:15 joins today's session.
    await recordEvents(t.db, [view('late-a', '2026-10-28T12:15:00.000Z')]);
    const sessions = await sessionsOf('late-a');
    expect(new Set(sessions.map((s) => s.split(' ')[1])).size).toBe(2);
    expect(sessions[2]!.split(' ')[1]).toBe(sessions[3]!.split(' ')[1]);
  });

  it('late into an earlier visit that is stored: joins it, adds no visit', async () => {
    await recordEvents(t.db, [view('late-b', '2026-10-29T09:00:00.000Z')]);
    await recordEvents(t.db, [view('late-b', '2026-10-29T14:00:00.000Z')]);
    await recordEvents(t.db, [view('late-b', '2026-10-29T09:20:00.000Z')]);
    const day = await overview(t.db, { from: '2026-10-29', to: '2026-10-29' });
    expect(day.totals).toEqual({ visitorDays: 1, sessions: 2, pageViews: 3 });
    const sessions = await sessionsOf('late-b');
    expect(sessions[0]!.split(' ')[1]).toBe(sessions[1]!.split(' ')[1]);
    expect(sessions[2]!.split(' ')[1]).not.toBe(sessions[0]!.split(' ')[1]);
  });

  it('after the visit state was cleaned up (a day on), a late event still joins its stored visit', async () => {
    const visitAt = Date.parse('2026-10-30T20:00:00.000Z');
    const hour = 3_600_000;
    // Recorded as it happened: the visit state exists.
    await recordEvents(
      t.db,
      [view('late-c', '2026-10-30T20:00:00.000Z'), view('late-c', '2026-10-30T20:20:00.000Z')],
      new Date(visitAt + hour),
    );
    // Two days later the periodic clean-up has removed the state; then a queued beacon arrives.
    const later = new Date(visitAt + 48 * hour);
    expect(await deleteIdleVisitorSessions(t.db, later)).toBeGreaterThan(0);
    await recordEvents(t.db, [view('late-c', '2026-10-30T20:10:00.000Z')], later);
    const day = await overview(t.db, { from: '2026-10-30', to: '2026-10-30' });
    expect(day.totals).toEqual({ visitorDays: 1, sessions: 1, pageViews: 3 });
    expect(new Set((await sessionsOf('late-c')).map((s) => s.split(' ')[1])).size).toBe(1);
  });
});
