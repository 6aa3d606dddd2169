import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recomputeRollups } from '../../../src/server/analytics/recompute';
import { recordEvents, type EventInput } from '../../../src/server/analytics/record-event';
import { createTestDb, type TestDb } from '../../helpers/test-db';

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(() => t.cleanup());

const at = '2026-10-25T10:00:00.000Z';

async function rowsWithKey(key: string) {
  return t.db
    .selectFrom('events')
    .select(['type', 'event_key'])
    .where('event_key', '=', key)
    .execute();
}

async function countedEvents(type: string) {
  const rows = await t.db
    .selectFrom('rollup_events')
    .select((eb) => eb.fn.sum<number>('count').as('n'))
    .where('type', '=', type)
    .where('day', '=', '2026-10-25')
    .executeTakeFirst();
  return Number(rows?.n ?? 0);
}

describe('keyed events are stored and counted once', () => {
  it('a retried lead_created (same key) is one event and one count', async () => {
    const lead: EventInput = {
      type: 'lead_created',
      visitorId: 'keyed-visitor',
      occurredAt: at,
      properties: { leadId: 'L-keyed' },
      key: 'lead_created:L-keyed',
    };
    await recordEvents(t.db, [lead]);
    await recordEvents(t.db, [lead]);
    await recordEvents(t.db, [lead, lead]);
    expect(await rowsWithKey('lead_created:L-keyed')).toHaveLength(1);
    expect(await countedEvents('lead_created')).toBe(1);
    const snapshot = await recomputeRollups(t.db, []);
    expect(snapshot.events['2026-10-25|||lead_created|']).toBe(1);
  });

  it('two changes of one deal (two versions) are two events', async () => {
    const change = (version: number): EventInput => ({
      type: 'deal_status_changed',
      visitorId: 'user:keyed',
      occurredAt: at,
      key: `deal_status_changed:D-keyed:${version}`,
    });
    await recordEvents(t.db, [change(2), change(3)]);
    await recordEvents(t.db, [change(3)]);
    expect(await countedEvents('deal_status_changed')).toBe(2);
  });

  it('events without a key are never dropped', async () => {
    const view: EventInput = {
      type: 'page_view',
      visitorId: 'unkeyed',
      occurredAt: at,
      path: '/x',
    };
    await recordEvents(t.db, [view, view]);
    expect(await countedEvents('page_view')).toBe(2);
  });
});
