import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { overview } from '../../../src/server/analytics/queries/overview';
import { recordEvents } from '../../../src/server/analytics/record-event';
import { createTestDb, type TestDb } from '../../helpers/test-db';

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(() => t.cleanup());

describe('traffic sources are folded before they are stored and counted', () => {
  it('www.google.com, google.com and GOOGLE.com are one referrer; Google and google one UTM source', async () => {
    const at = (hour: number) => new Date(Date.UTC(2026, 9, 20, hour)).toISOString();
    await recordEvents(t.db, [
      {
        type: 'page_view',
        visitorId: 'fold-a',
        occurredAt: at(9),
        path: '/',
        referrerHost: 'www.google.com',
      },
      {
        type: 'page_view',
        visitorId: 'fold-b',
        occurredAt: at(9),
        path: '/',
        referrerHost: 'google.com',
      },
      {
        type: 'page_view',
        visitorId: 'fold-c',
        occurredAt: at(9),
        path: '/',
        referrerHost: 'GOOGLE.com.',
      },
      {
        type: 'page_view',
        visitorId: 'fold-d',
        occurredAt: at(10),
        path: '/',
        utm: { source: 'Newsletter' },
      },
      {
        type: 'page_view',
        visitorId: 'fold-e',
        occurredAt: at(10),
        path: '/',
        utm: { source: 'newsletter' },
      },
    ]);
    const report = await overview(t.db, {
      from: '2026-10-20',
      to: '2026-10-20',
      persona: null,
    } as never);
    const sources = Object.fromEntries(report.bySource.map((s) => [s.source, s.sessions]));
    expect(sources).toEqual({ 'google.com': 3, newsletter: 2 });
    const stored = await t.db
      .selectFrom('events')
      .select(['referrer_host', 'utm_source'])
      .where('visitor_id', 'like', 'fold-%')
      .orderBy('visitor_id')
      .execute();
    expect(stored.map((r) => r.referrer_host ?? r.utm_source)).toEqual([
      'google.com',
      'google.com',
      'google.com',
      'newsletter',
      'newsletter',
    ]);
  });
});
