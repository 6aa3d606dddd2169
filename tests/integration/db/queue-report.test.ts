import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enqueueJob } from '../../../src/server/jobs/queue';
import { laneReports, recentFailures } from '../../../src/server/jobs/queue-report';
import { enqueueMail } from '../../../src/server/mail/mailer';
import { createTestDb, type TestDb } from '../../helpers/test-db';

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(() => t.cleanup());

const MIN = 60_000;
const now = new Date('2026-10-05T12:00:00Z');
const ago = (minutes: number) => new Date(now.getTime() - minutes * MIN);

describe('the queue report', () => {
  it('counts each lane’s due, running and failed work and the age of its oldest due item', async () => {
    const mail = (to: string, category: string, at: Date) =>
      enqueueMail(t.db, { to, subject: 's', text: 'x', category }, at);
    await mail('a@q.test', 'password_reset', ago(3));
    await mail('b@q.test', 'invitation', ago(1));
    await mail('c@q.test', 'campaign', ago(30));
    await mail('later@q.test', 'campaign', new Date(now.getTime() + 10 * MIN)); // not due yet
    await enqueueJob(t.db, 'webhook:deliver', { deliveryId: 'x' }, {}, ago(2));
    await enqueueJob(t.db, 'periodic:test', null, {}, ago(5));
    await enqueueJob(t.db, 'periodic:test2', null, {}, ago(4));
    // One campaign message given up on an hour ago, one webhook job running.
    await t.db
      .updateTable('outbox')
      .set({ status: 'failed', last_error: 'SMTP 550 mailbox unavailable' })
      .where('to_address', '=', 'c@q.test')
      .execute();
    await mail('d@q.test', 'campaign', ago(20));
    await t.db
      .updateTable('jobs')
      .set({ status: 'running' })
      .where('type', '=', 'webhook:deliver')
      .execute();

    const lanes = Object.fromEntries((await laneReports(t.db, now)).map((l) => [l.lane, l]));
    expect(lanes['mail:transactional']).toEqual({
      lane: 'mail:transactional',
      due: 2,
      running: 0,
      failed: 0,
      oldestDueSeconds: 180,
    });
    expect(lanes['mail:campaign']).toEqual({
      lane: 'mail:campaign',
      due: 1,
      running: 0,
      failed: 1,
      oldestDueSeconds: 1200,
    });
    expect(lanes.webhooks).toEqual({
      lane: 'webhooks',
      due: 0,
      running: 1,
      failed: 0,
      oldestDueSeconds: 0,
    });
    expect(lanes.jobs).toEqual({
      lane: 'jobs',
      due: 2,
      running: 0,
      failed: 0,
      oldestDueSeconds: 300,
    });

    const failures = await recentFailures(t.db);
    expect(failures).toEqual([
      expect.objectContaining({
        lane: 'mail:campaign',
        what: 'campaign to c@q.test',
        error: 'SMTP 550 mailbox unavailable',
      }),
    ]);
  });
});
