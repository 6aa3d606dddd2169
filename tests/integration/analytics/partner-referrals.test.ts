import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ensureReferralCode,
  getPartnerReferrals,
} from '../../../src/server/analytics/partner-referrals';
import { recordEvents } from '../../../src/server/analytics/record-event';
import { AppError } from '../../../src/server/errors';
import { makePortalWorld, type PortalWorld } from '../../helpers/portal';
import { createTestDb, type TestDb } from '../../helpers/test-db';

let t: TestDb;
let w: PortalWorld;
let codeA: string;
let codeB: string;
const at = (day: number, minute = 0) => new Date(Date.UTC(2026, 9, day, 10, minute)).toISOString();
const range = { from: '2026-10-01', to: '2026-10-31' };

beforeAll(async () => {
  t = await createTestDb();
  w = await makePortalWorld(t.db);
  codeA = await ensureReferralCode(t.db, w.partnerA);
  codeB = await ensureReferralCode(t.db, w.partnerB);
  await recordEvents(t.db, [
    { type: 'page_view', visitorId: 'a1', occurredAt: at(2), partnerRef: codeA, path: '/' },
    {
      type: 'page_view',
      visitorId: 'a1',
      occurredAt: at(2, 5),
      partnerRef: codeA,
      path: '/for/executives',
    },
    { type: 'page_view', visitorId: 'a2', occurredAt: at(3), partnerRef: codeA, path: '/' },
    { type: 'page_view', visitorId: 'b1', occurredAt: at(3), partnerRef: codeB, path: '/' },
    { type: 'page_view', visitorId: 'b2', occurredAt: at(4), partnerRef: codeB, path: '/' },
    { type: 'page_view', visitorId: 'b3', occurredAt: at(5), partnerRef: codeB, path: '/' },
  ]);
});
afterAll(() => t.cleanup());

describe('partner referral analytics', () => {
  it('gives each partner a stable, unique code from its name', async () => {
    expect(codeA).toMatch(/^alpha/);
    expect(codeB).toMatch(/^beta/);
    expect(await ensureReferralCode(t.db, w.partnerA)).toBe(codeA);
  });

  it('counts the visits of the partner’s own links only', async () => {
    const a = await getPartnerReferrals(t.db, w.repA, range);
    expect(a.code).toBe(codeA);
    expect(a.totals).toMatchObject({ visits: 2, visitorDays: 2, landings: 3 });
    const b = await getPartnerReferrals(t.db, w.leeB, range);
    expect(b.totals).toMatchObject({ visits: 3, visitorDays: 3 });
    expect(JSON.stringify(a)).not.toContain(codeB);
  });

  it('is refused to internal roles and visitors (they have no partner)', async () => {
    for (const user of [w.channel, w.executive, null]) {
      const error = await getPartnerReferrals(t.db, user, range).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AppError);
    }
  });
});
