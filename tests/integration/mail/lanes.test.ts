import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enqueueJob } from '../../../src/server/jobs/queue';
import { LANES, WEBHOOK_JOB_TYPES, registerJobHandler } from '../../../src/server/jobs/runner';
import { enqueueMail, type MailTransport } from '../../../src/server/mail/mailer';
import { WEBHOOK_JOB } from '../../../src/server/webhooks/emit';
import { createTestDb, type TestDb } from '../../helpers/test-db';

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(() => t.cleanup());

const lane = (name: string) => LANES.find((l) => l.name === name)!;

describe('background lanes', () => {
  it('a stalled campaign send does not hold up a password reset', async () => {
    const now = new Date();
    await enqueueMail(
      t.db,
      { to: 'bulk@lanes.test', subject: 'Week 2', text: 'x', category: 'campaign' },
      now,
    );
    await enqueueMail(
      t.db,
      { to: 'reset@lanes.test', subject: 'Reset', text: 'x', category: 'password_reset' },
      now,
    );
    const sent: string[] = [];
    let release: () => void = () => undefined;
    const stalled = new Promise<void>((done) => (release = done));
    const transport: MailTransport = {
      async send(message) {
        if (message.to === 'bulk@lanes.test') await stalled;
        sent.push(message.to);
      },
    };
    const campaign = lane('mail:campaign').run(t.db, transport, now);
    await lane('mail:transactional').run(t.db, transport, now);
    expect(sent).toEqual(['reset@lanes.test']);
    release();
    await campaign;
    expect(sent).toEqual(['reset@lanes.test', 'bulk@lanes.test']);
  });

  it('slow webhook jobs do not hold up other jobs', async () => {
    const now = new Date(Date.now() - 1000);
    const ran: string[] = [];
    let release: () => void = () => undefined;
    const stalled = new Promise<void>((done) => (release = done));
    registerJobHandler('test:quick', async () => {
      ran.push('quick');
    });
    registerJobHandler(WEBHOOK_JOB, async () => {
      await stalled;
      ran.push('webhook');
    });
    await enqueueJob(t.db, WEBHOOK_JOB, { deliveryId: 'none' }, {}, now);
    await enqueueJob(t.db, 'test:quick', null, {}, now);
    const webhooks = lane('webhooks').run(t.db, null, new Date());
    await lane('jobs').run(t.db, null, new Date());
    expect(ran).toEqual(['quick']);
    release();
    await webhooks;
    expect(ran).toEqual(['quick', 'webhook']);
  });

  it('the webhook lane takes the job type webhooks are queued under', () => {
    expect(WEBHOOK_JOB_TYPES).toContain(WEBHOOK_JOB);
  });
});
