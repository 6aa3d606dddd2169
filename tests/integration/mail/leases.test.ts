import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { claimMessage } from '../../../src/server/mail/outbox-repository';
import {
  deliverDueMail,
  enqueueMail,
  MAIL_LEASE_MS,
  messageIdFor,
  type MailTransport,
} from '../../../src/server/mail/mailer';
import { SMTP_TIMEOUTS } from '../../../src/server/mail/smtp';
import { MINUTE } from '../../../src/lib/time';
import { createTestDb, type TestDb } from '../../helpers/test-db';

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(() => t.cleanup());

const DOMAIN = 'relay.test';
const sleep = (ms: number) => new Promise((wait) => setTimeout(wait, ms));

type Sent = { to: string; messageId: string };
function recorder(behaviour: (message: Sent) => Promise<void> | void = () => undefined) {
  const sent: Sent[] = [];
  const transport: MailTransport = {
    async send(message) {
      await behaviour({ to: message.to, messageId: message.messageId });
      sent.push({ to: message.to, messageId: message.messageId });
    },
  };
  return { transport, sent };
}

async function mail(to: string, now: Date) {
  await enqueueMail(t.db, { to, subject: 'Hello', text: 'hi', category: 'test' }, now);
  return t.db
    .selectFrom('outbox')
    .select('id')
    .where('to_address', '=', to)
    .executeTakeFirstOrThrow();
}

describe('a message has one Message-ID, whoever sends it and however often', () => {
  it('a resend after a process died mid-send carries the Message-ID of the first attempt', async () => {
    const now = new Date('2026-09-01T10:00:00Z');
    const { id } = await mail('crash@example.test', now);
    // A process claims it and dies before finishing: the row stays `sending` until its lease ends.
    expect(
      await claimMessage(
        t.db,
        id,
        now.toISOString(),
        new Date(now.getTime() + MAIL_LEASE_MS).toISOString(),
      ),
    ).toBeTruthy();
    const { transport, sent } = recorder();
    await deliverDueMail(t.db, transport, new Date(now.getTime() + MINUTE), 25, {
      messageDomain: DOMAIN,
    });
    expect(sent).toEqual([]);
    await deliverDueMail(t.db, transport, new Date(now.getTime() + MAIL_LEASE_MS + MINUTE), 25, {
      messageDomain: DOMAIN,
    });
    expect(sent).toEqual([{ to: 'crash@example.test', messageId: `<${id}@${DOMAIN}>` }]);
  });

  it('a retry after a failed attempt carries the same Message-ID', async () => {
    const now = new Date('2026-09-02T10:00:00Z');
    const { id } = await mail('retry@example.test', now);
    const tried: string[] = [];
    let failures = 1;
    const transport: MailTransport = {
      async send(message) {
        tried.push(message.messageId);
        if (failures-- > 0) throw new Error('SMTP 451 try later');
      },
    };
    await deliverDueMail(t.db, transport, now, 25, { messageDomain: DOMAIN });
    await deliverDueMail(t.db, transport, new Date(now.getTime() + 2 * MINUTE), 25, {
      messageDomain: DOMAIN,
    });
    expect(tried).toEqual([messageIdFor(id, DOMAIN), messageIdFor(id, DOMAIN)]);
    const row = await t.db
      .selectFrom('outbox')
      .select('status')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row.status).toBe('sent');
  });
});

describe('leases', () => {
  it('start when a message is claimed, not when the pass began', async () => {
    const now = new Date();
    await mail('slow-first@lease.test', new Date(now.getTime() - 2));
    const second = await mail('then-this@lease.test', new Date(now.getTime() - 1));
    let leaseOfSecond = '';
    const { transport } = recorder(async (message) => {
      if (message.to === 'slow-first@lease.test') await sleep(400);
      else {
        const row = await t.db
          .selectFrom('outbox')
          .select('locked_until')
          .where('id', '=', second.id)
          .executeTakeFirstOrThrow();
        leaseOfSecond = row.locked_until ?? '';
      }
    });
    await deliverDueMail(t.db, transport, now, 25, { messageDomain: DOMAIN });
    // Claimed after the 400 ms send before it: its lease runs from then.
    expect(Date.parse(leaseOfSecond)).toBeGreaterThanOrEqual(now.getTime() + MAIL_LEASE_MS + 350);
  });

  it('are renewed while a send runs, so a second process cannot take a message still being sent', async () => {
    const now = new Date();
    const { id } = await mail('renewed@lease.test', now);
    let takenOver: unknown = 'not tried';
    let leaseAt = '';
    let leaseUntil = '';
    const { transport, sent } = recorder(async (message) => {
      if (message.to !== 'renewed@lease.test') return;
      await sleep(1500);
      // Past the first lease (1 s): without renewal another process could claim it now.
      const at = new Date().toISOString();
      leaseAt = at;
      leaseUntil =
        (
          await t.db
            .selectFrom('outbox')
            .select('locked_until')
            .where('id', '=', id)
            .executeTakeFirstOrThrow()
        ).locked_until ?? '';
      takenOver = await claimMessage(t.db, id, at, new Date(Date.now() + 1000).toISOString());
      await sleep(300);
    });
    await deliverDueMail(t.db, transport, now, 25, {
      messageDomain: DOMAIN,
      leaseMs: 1000,
      renewMs: 100,
    });
    // The lease was moved on: a second past the last renewal, not a second past the claim.
    expect(Date.parse(leaseUntil)).toBeGreaterThan(Date.parse(leaseAt));
    expect(Date.parse(leaseUntil)).toBeLessThanOrEqual(Date.parse(leaseAt) + 1000);
    expect(takenOver).toBeUndefined();
    expect(sent.filter((m) => m.to === 'renewed@lease.test')).toHaveLength(1);
  });

  it('outlast the SMTP transport’s own timeouts', () => {
    for (const timeout of Object.values(SMTP_TIMEOUTS)) expect(timeout).toBeLessThan(MAIL_LEASE_MS);
    expect(
      SMTP_TIMEOUTS.connectionTimeout + SMTP_TIMEOUTS.greetingTimeout + SMTP_TIMEOUTS.socketTimeout,
    ).toBeLessThan(MAIL_LEASE_MS);
  });
});
