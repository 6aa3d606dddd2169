import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  deliverDueMail,
  enqueueMail,
  FAILED_MAIL_NOTICE,
  type MailTransport,
} from '../../../src/server/mail/mailer';
import { createTestDb, type TestDb } from '../../helpers/test-db';
import { makeUser } from '../../helpers/fixtures';

/** An SMTP outage over simulated time: the worker runs whenever a retry is due. */
let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
  await makeUser(t.db, { role: 'admin', email: 'admin-one@outage.test' });
  await makeUser(t.db, { role: 'admin', email: 'admin-two@outage.test' });
});
afterAll(() => t.cleanup());

const HOUR = 3_600_000;

function outageUntil(recoversAt: number) {
  const sent: string[] = [];
  let clock = 0;
  const transport: MailTransport = {
    async send(message) {
      if (clock < recoversAt) throw new Error('connect ECONNREFUSED 10.0.0.25:587');
      sent.push(message.to);
    },
  };
  return { transport, sent, setClock: (at: number) => (clock = at) };
}

/** Runs the worker at every due time from `start` for `hours` of simulated time. */
async function runFor(
  hours: number,
  start: number,
  setClock: (at: number) => void,
  transport: MailTransport,
) {
  let now = start;
  const end = start + hours * HOUR;
  let passes = 0;
  while (now <= end) {
    setClock(now);
    await deliverDueMail(t.db, transport, new Date(now), 25, { messageDomain: 'outage.test' });
    passes++;
    const due = await t.db
      .selectFrom('outbox')
      .select((eb) => eb.fn.min<string>('send_after').as('next'))
      .where('status', '=', 'pending')
      .executeTakeFirst();
    if (!due?.next) break;
    now = Math.max(now + 1000, Date.parse(due.next));
  }
  return passes;
}

describe('an SMTP outage', () => {
  it('of 20 hours delays a password reset; it is delivered when the server is back', async () => {
    const start = Date.parse('2026-09-11T08:00:00Z');
    const { transport, sent, setClock } = outageUntil(start + 20 * HOUR);
    await enqueueMail(
      t.db,
      {
        to: 'reset@outage.test',
        subject: 'Reset your password',
        text: 'x',
        category: 'password_reset',
      },
      new Date(start),
    );
    await runFor(26, start, setClock, transport);
    expect(sent).toContain('reset@outage.test');
    const row = await t.db
      .selectFrom('outbox')
      .selectAll()
      .where('to_address', '=', 'reset@outage.test')
      .executeTakeFirstOrThrow();
    expect(row.status).toBe('sent');
    // Tried about once an hour through the outage, not five times in fifteen minutes.
    expect(row.attempts).toBeGreaterThan(20);
    expect(row.attempts).toBeLessThan(40);
  });

  it('longer than MAIL_RETRY_HOURS (24) fails the message and tells each admin once', async () => {
    const start = Date.parse('2026-09-13T08:00:00Z');
    const { transport, setClock } = outageUntil(Number.POSITIVE_INFINITY);
    await enqueueMail(
      t.db,
      { to: 'invite@outage.test', subject: 'You are invited', text: 'x', category: 'invitation' },
      new Date(start),
    );
    await runFor(30, start, setClock, transport);
    const row = await t.db
      .selectFrom('outbox')
      .selectAll()
      .where('to_address', '=', 'invite@outage.test')
      .executeTakeFirstOrThrow();
    expect(row.status).toBe('failed');
    expect(row.last_error).toContain('ECONNREFUSED');
    // The first try's time is kept through the retries (the claim's clock runs on from the pass's
    // start by however long the pass took, so it is within a second of it, not exactly on it).
    expect(Date.parse(row.first_attempt_at!) - start).toBeGreaterThanOrEqual(0);
    expect(Date.parse(row.first_attempt_at!) - start).toBeLessThan(1000);
    const notices = await t.db
      .selectFrom('outbox')
      .select(['to_address', 'subject', 'body_text', 'status'])
      .where('category', '=', FAILED_MAIL_NOTICE)
      .where('subject', 'like', '%invite@outage.test%')
      .orderBy('to_address')
      .execute();
    expect(notices.map((n) => n.to_address)).toEqual([
      'admin-one@outage.test',
      'admin-two@outage.test',
    ]);
    expect(notices[0]!.body_text).toContain(`/admin/outbox/${row.id}`);
    // The notices fail too while the server is down: they fail without noticing about themselves.
    await runFor(30, start + 30 * HOUR, setClock, transport);
    const noticesOfNotices = await t.db
      .selectFrom('outbox')
      .select('id')
      .where('category', '=', FAILED_MAIL_NOTICE)
      .where('subject', 'like', '%admin-%@outage.test%')
      .execute();
    expect(noticesOfNotices).toEqual([]);
  });
});
