import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase } from '../../../src/server/db';
import { enqueueJob, runDueJobs } from '../../../src/server/jobs/queue';
import { deliverDueMail, enqueueMail, type MailTransport } from '../../../src/server/mail/mailer';
import { MINUTE } from '../../../src/lib/time';
import { createTestDb, type TestDb } from '../../helpers/test-db';

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(() => t.cleanup());

function recorder(options: { failTimes?: number; delayMs?: number } = {}) {
  const sent: string[] = [];
  let failures = options.failTimes ?? 0;
  const transport: MailTransport = {
    async send(message) {
      if (options.delayMs) await new Promise((r) => setTimeout(r, options.delayMs));
      if (failures > 0) {
        failures--;
        throw new Error('SMTP 451 try later');
      }
      sent.push(`${message.to}|${message.subject}`);
    },
  };
  return { transport, sent };
}

describe('outbox', () => {
  it('keeps messages (status kept) when there is no SMTP transport', async () => {
    const now = new Date('2026-08-01T00:00:00Z');
    await enqueueMail(
      t.db,
      { to: 'keep@example.test', subject: 'Kept', text: 'hi', category: 'test' },
      now,
    );
    await deliverDueMail(t.db, null, now);
    const row = await t.db
      .selectFrom('outbox')
      .selectAll()
      .where('to_address', '=', 'keep@example.test')
      .executeTakeFirstOrThrow();
    expect(row.status).toBe('kept');
    // Stamped when it was handled: the pass's time plus what the pass had taken by then.
    expect(Date.parse(row.delivered_at!)).toBeGreaterThanOrEqual(now.getTime());
    expect(Date.parse(row.delivered_at!)).toBeLessThan(now.getTime() + MINUTE);
  });

  it('does not send before send_after', async () => {
    const now = new Date('2026-08-02T00:00:00Z');
    const { transport, sent } = recorder();
    await enqueueMail(
      t.db,
      {
        to: 'later@example.test',
        subject: 'Later',
        text: 'x',
        category: 'test',
        sendAfter: new Date(now.getTime() + 60 * MINUTE).toISOString(),
      },
      now,
    );
    await deliverDueMail(t.db, transport, now);
    expect(sent).not.toContain('later@example.test|Later');
    await deliverDueMail(t.db, transport, new Date(now.getTime() + 61 * MINUTE));
    expect(sent).toContain('later@example.test|Later');
  });

  it('stores a message with a dedupe key once', async () => {
    const mail = {
      to: 'dedupe@example.test',
      subject: 'Once',
      text: 'x',
      category: 'test',
      dedupeKey: 'test:once',
    };
    expect(await enqueueMail(t.db, mail)).toBe(true);
    expect(await enqueueMail(t.db, mail)).toBe(false);
    const rows = await t.db
      .selectFrom('outbox')
      .select('id')
      .where('to_address', '=', 'dedupe@example.test')
      .execute();
    expect(rows).toHaveLength(1);
  });

  it('retries a failed send with backoff, then delivers', async () => {
    const now = new Date('2026-08-03T00:00:00Z');
    const { transport, sent } = recorder({ failTimes: 1 });
    await enqueueMail(
      t.db,
      { to: 'retry@example.test', subject: 'Retry', text: 'x', category: 'test' },
      now,
    );
    await deliverDueMail(t.db, transport, now);
    const failed = await t.db
      .selectFrom('outbox')
      .selectAll()
      .where('to_address', '=', 'retry@example.test')
      .executeTakeFirstOrThrow();
    expect(failed.status).toBe('pending');
    expect(failed.last_error).toContain('451');
    expect(failed.send_after > now.toISOString()).toBe(true);
    await deliverDueMail(t.db, transport, new Date(now.getTime() + 2 * MINUTE));
    expect(sent).toContain('retry@example.test|Retry');
  });

  it('never sends the same message twice when two processes deliver at once', async () => {
    const now = new Date('2026-08-04T00:00:00Z');
    for (let i = 0; i < 20; i++) {
      await enqueueMail(
        t.db,
        { to: `race-${i}@example.test`, subject: 'Race', text: 'x', category: 'race' },
        now,
      );
    }
    const other = createDatabase(t.url);
    const { transport, sent } = recorder({ delayMs: 2 });
    try {
      await Promise.all([
        deliverDueMail(t.db, transport, now, 50),
        deliverDueMail(other, transport, now, 50),
      ]);
    } finally {
      await other.destroy();
    }
    const races = sent.filter((s) => s.endsWith('|Race'));
    expect(races).toHaveLength(20);
    expect(new Set(races).size).toBe(20);
  });
});

describe('jobs', () => {
  it('runs a due job once, retries a failing one, and marks it failed after max attempts', async () => {
    const now = new Date('2026-08-05T00:00:00Z');
    const seen: unknown[] = [];
    const handlers = {
      ok: async (_db: unknown, payload: unknown) => void seen.push(payload),
      broken: async () => {
        throw new Error('boom');
      },
    };
    await enqueueJob(t.db, 'ok', { n: 1 }, {}, now);
    await enqueueJob(t.db, 'broken', null, { maxAttempts: 2 }, now);
    await runDueJobs(t.db, handlers, now);
    await runDueJobs(t.db, handlers, now);
    expect(seen).toEqual([{ n: 1 }]);
    let broken = await t.db
      .selectFrom('jobs')
      .selectAll()
      .where('type', '=', 'broken')
      .executeTakeFirstOrThrow();
    expect(broken.status).toBe('queued');
    await runDueJobs(t.db, handlers, new Date(now.getTime() + 10 * MINUTE));
    broken = await t.db
      .selectFrom('jobs')
      .selectAll()
      .where('type', '=', 'broken')
      .executeTakeFirstOrThrow();
    expect(broken.status).toBe('failed');
    expect(broken.attempts).toBe(2);
  });

  it('gives a job to exactly one of two concurrent runners', async () => {
    const now = new Date('2026-08-06T00:00:00Z');
    let runs = 0;
    const handlers = {
      once: async () => {
        runs++;
        await new Promise((r) => setTimeout(r, 5));
      },
    };
    for (let i = 0; i < 10; i++) await enqueueJob(t.db, 'once', i, {}, now);
    const other = createDatabase(t.url);
    try {
      await Promise.all([runDueJobs(t.db, handlers, now), runDueJobs(other, handlers, now)]);
    } finally {
      await other.destroy();
    }
    expect(runs).toBe(10);
  });
});

describe('one-time links in the outbox', () => {
  it('blanks a reset e-mail once SMTP sent it, and a kept one once its link expired', async () => {
    const { redactExpiredLinks, REDACTED_BODY } = await import('../../../src/server/mail/mailer');
    const now = new Date('2026-08-10T00:00:00Z');
    const { transport } = recorder();
    await enqueueMail(
      t.db,
      {
        to: 'smtp-reset@example.test',
        subject: 'Reset',
        text: 'link: /reset-password/abc',
        category: 'password_reset',
      },
      now,
    );
    await deliverDueMail(t.db, transport, now);
    const sent = await t.db
      .selectFrom('outbox')
      .selectAll()
      .where('to_address', '=', 'smtp-reset@example.test')
      .executeTakeFirstOrThrow();
    expect(sent.body_text).toBe(REDACTED_BODY);

    await enqueueMail(
      t.db,
      {
        to: 'kept-reset@example.test',
        subject: 'Reset',
        text: 'link: /reset-password/def',
        category: 'password_reset',
      },
      now,
    );
    await deliverDueMail(t.db, null, now);
    await redactExpiredLinks(t.db, new Date(now.getTime() + 30 * 60_000));
    const early = await t.db
      .selectFrom('outbox')
      .select('body_text')
      .where('to_address', '=', 'kept-reset@example.test')
      .executeTakeFirstOrThrow();
    expect(early.body_text).toContain('/reset-password/def');
    await redactExpiredLinks(t.db, new Date(now.getTime() + 2 * 60 * 60_000));
    const late = await t.db
      .selectFrom('outbox')
      .select('body_text')
      .where('to_address', '=', 'kept-reset@example.test')
      .executeTakeFirstOrThrow();
    expect(late.body_text).toBe(REDACTED_BODY);
  });
});
