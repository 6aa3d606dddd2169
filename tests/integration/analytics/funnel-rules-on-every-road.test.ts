import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postForm, signIn } from '../../helpers/http';
import { makePortalWorld, type PortalWorld } from '../../helpers/portal';
import { serverDb } from '../../helpers/server-db';
import { createTestDb, type TestDb } from '../../helpers/test-db';
import { callTrpc } from '../../helpers/trpc';

/**
 * Saving a funnel is one operation: the dashboard's funnel builder and tRPC refuse a funnel of
 * one step with the same status, field path and message, and save neither.
 */
let t: TestDb;
let w: PortalWorld;
let cookie: string;
beforeAll(async () => {
  t = await createTestDb();
  w = await makePortalWorld(t.db);
  cookie = await signIn('channel@chasm.test');
});
afterAll(() => t.cleanup());

const NAME = `One step only ${Date.now()}`;

describe('a funnel with too few steps', () => {
  it('is refused alike by tRPC and by the funnel builder', async () => {
    const trpc = await callTrpc(
      t.db,
      w.channel,
      'analytics.saveFunnel',
      { name: NAME, windowDays: 7, steps: [{ type: 'page_view' }] },
      'POST',
    );
    expect(trpc.status).toBe(400);
    const issues = trpc.body.error.data.issues as { path: string; message: string }[];
    expect(issues.map((i) => i.path)).toEqual(['steps']);
    expect(issues[0]!.message).toBe('A funnel needs at least two steps.');

    const form = await postForm(
      '/analytics/funnels',
      { action: 'save', name: NAME, windowDays: '7', stepType0: 'page_view' },
      { cookie },
    );
    expect(form.status).toBe(400);
    const html = await form.text();
    // The builder shows the summary in its alert and the steps' message above the step rows.
    expect(/class="alert error" role="alert"[^>]*>\s*([^<]*?)\s*</.exec(html)?.[1]).toBe(
      trpc.body.error.message,
    );
    expect(/<p class="field-error"[^>]*>\s*([^<]*?)\s*</.exec(html)?.[1]).toBe(issues[0]!.message);
  });

  it('is saved by neither road', async () => {
    for (const db of [t.db, serverDb()]) {
      const saved = await db.selectFrom('funnels').select('id').where('name', '=', NAME).execute();
      expect(saved).toEqual([]);
    }
  });

  it('partners cannot reach the funnel use cases', async () => {
    const trpc = await callTrpc(t.db, w.anaA, 'analytics.funnels');
    expect(trpc.status).toBe(403);
  });
});
