import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activeFunnels } from '../../../src/server/analytics/funnel-definitions';
import { funnelReport } from '../../../src/server/analytics/queries/funnels';
import { readRollups, recomputeRollups } from '../../../src/server/analytics/recompute';
import {
  backfillFunnel,
  deleteFunnel,
  saveFunnel,
  savedFunnelInput,
} from '../../../src/server/analytics/saved-funnels';
import type { SessionUser } from '../../../src/server/auth/session';
import { AppError } from '../../../src/server/errors';
import { recordEvents } from '../../../src/server/analytics/record-event';
import { createTestDb, type TestDb } from '../../helpers/test-db';
import { makeUser } from '../../helpers/fixtures';

let t: TestDb;
let exec: SessionUser;
const at = (day: number, minute: number) =>
  new Date(Date.UTC(2026, 9, day, 9, minute)).toISOString();

beforeAll(async () => {
  t = await createTestDb();
  const u = await makeUser(t.db, { role: 'executive' });
  exec = { id: u.id, email: u.email, name: 'E', role: 'executive', partner: null };
});
afterAll(() => t.cleanup());

describe('funnels defined in the dashboard', () => {
  it('validates the definition with readable messages', () => {
    const bad = savedFunnelInput.safeParse({
      name: 'x',
      windowDays: '0',
      steps: [{ type: 'page_view' }],
    });
    expect(bad.success).toBe(false);
    const messages = bad.error!.issues.map((i) => i.message);
    expect(messages).toEqual(
      expect.arrayContaining([
        'Name needs at least 3 characters.',
        'At least 1 day.',
        'A funnel needs at least two steps.',
      ]),
    );
  });

  it('backfills its history from raw events, then counts new events like the content funnels', async () => {
    await recordEvents(t.db, [
      { type: 'page_view', visitorId: 'h1', occurredAt: at(1, 0), path: '/pricing' },
      { type: 'cta_clicked', visitorId: 'h1', occurredAt: at(1, 1) },
      { type: 'page_view', visitorId: 'h2', occurredAt: at(1, 2), path: '/pricing' },
    ]);
    const { id } = await saveFunnel(
      t.db,
      exec,
      savedFunnelInput.parse({
        name: 'Pricing to CTA',
        windowDays: '1',
        steps: [{ type: 'page_view', path: '/pricing' }, { type: 'cta_clicked' }],
      }),
    );
    expect((await activeFunnels(t.db)).some((f) => f.id === id)).toBe(false);
    await backfillFunnel(t.db, id);
    expect((await activeFunnels(t.db)).some((f) => f.id === id)).toBe(true);
    await recordEvents(t.db, [{ type: 'cta_clicked', visitorId: 'h2', occurredAt: at(1, 3) }]);
    const report = await funnelReport(t.db, id, 2, { from: '2026-10-01', to: '2026-10-01' });
    expect(report.current.map((s) => s.visitors)).toEqual([2, 2]);
    // Backfill plus incremental equals a recomputation from scratch.
    const funnels = await activeFunnels(t.db);
    const expected = await recomputeRollups(t.db, funnels);
    expect((await readRollups(t.db)).funnels).toEqual(expected.funnels);
  });

  it('keeps windows of up to 90 days (more milliseconds than a 32-bit integer holds)', async () => {
    const { id } = await saveFunnel(
      t.db,
      exec,
      savedFunnelInput.parse({
        name: 'Quarter',
        windowDays: 90,
        steps: [{ type: 'page_view' }, { type: 'lead_created' }],
      }),
    );
    const row = await t.db
      .selectFrom('funnels')
      .select('window_ms')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(Number(row.window_ms)).toBe(90 * 86_400_000);
  });

  it('deletes a saved funnel and its counts; partners cannot define funnels', async () => {
    const { id } = await saveFunnel(
      t.db,
      exec,
      savedFunnelInput.parse({
        name: 'Temporary',
        windowDays: 1,
        steps: [{ type: 'page_view' }, { type: 'lead_created' }],
      }),
    );
    await backfillFunnel(t.db, id);
    await deleteFunnel(t.db, exec, id);
    expect(
      await t.db
        .selectFrom('rollup_funnel')
        .select('funnel_id')
        .where('funnel_id', '=', id)
        .execute(),
    ).toEqual([]);
    const partner: SessionUser = {
      id: 'p',
      email: 'p@x',
      name: 'P',
      role: 'partner_admin',
      partner: { id: 'x', name: 'X' },
    };
    const error = await saveFunnel(
      t.db,
      partner,
      savedFunnelInput.parse({
        name: 'Nope',
        windowDays: 1,
        steps: [{ type: 'page_view' }, { type: 'lead_created' }],
      }),
    ).catch((e: unknown) => e);
    expect((error as AppError).code).toBe('FORBIDDEN');
  });
});
