import { newId } from '../../lib/ids';
import { isoNow, MINUTE, addMs } from '../../lib/time';
import type { DbOrTx } from '../db';
import { config } from '../config';
import { metrics } from '../metrics';
import { nextMailAttempt } from '../../lib/jobs/retry';
import { passClock, whileRenewing } from '../jobs/lease';
import * as outbox from './outbox-repository';

/** The domain Message-IDs are minted under: the site's own host. */
function messageDomain(): string {
  return new URL(config().publicOrigin).hostname;
}

export interface MailInput {
  to: string;
  subject: string;
  text: string;
  html?: string;
  /** What kind of e-mail this is: `password_reset`, `invitation`, `campaign`… */
  category: string;
  /** Not before this time (campaign steps are scheduled ahead). Defaults to now. */
  sendAfter?: string;
  /** The same key is stored once, so retries and double submits never duplicate an e-mail. */
  dedupeKey?: string;
  headers?: Record<string, string>;
}

/**
 * Puts an e-mail in the outbox. Call it inside the transaction that causes the e-mail, so
 * the e-mail exists exactly when the change it reports does.
 */
export async function enqueueMail(
  db: DbOrTx,
  mail: MailInput,
  now: Date = new Date(),
): Promise<boolean> {
  return outbox.insertOutboxMessage(db, {
    id: newId(now.getTime()),
    to_address: mail.to,
    subject: mail.subject,
    body_text: mail.text,
    body_html: mail.html ?? null,
    category: mail.category,
    status: 'pending',
    send_after: mail.sendAfter ?? isoNow(now),
    last_error: null,
    locked_until: null,
    delivered_at: null,
    dedupe_key: mail.dedupeKey ?? null,
    headers: mail.headers ? JSON.stringify(mail.headers) : null,
    created_at: isoNow(now),
  });
}

/** Something that can send one e-mail (SMTP in production, a recorder in tests). */
export interface MailTransport {
  send(message: {
    to: string;
    subject: string;
    text: string;
    html?: string;
    headers?: Record<string, string>;
    /** Stable per outbox message: a resend after a crash carries the same one. */
    messageId: string;
  }): Promise<void>;
}

/**
 * The Message-ID of an outbox message, from its id: every attempt to send it (a retry, a resend
 * by another process after a crash) carries the same one, so a receiver can tell a repeat.
 * Delivery is at least once, with this stable id to deduplicate on.
 */
export function messageIdFor(outboxId: string, domain: string): string {
  return `<${outboxId}@${domain}>`;
}

/**
 * E-mails that carry a one-time link (only its hash is stored elsewhere), and how long that
 * link lives. Their text is blanked once sent by SMTP, and in the outbox-only setup once the
 * link has expired, so the outbox never holds a working reset or invitation link for long.
 */
export const ONE_TIME_LINK_MAIL: Record<string, number> = {
  password_reset: 60 * MINUTE,
  invitation: 7 * 24 * 60 * MINUTE,
};
export const REDACTED_BODY = '[Removed: this e-mail held a one-time link.]';
/**
 * A claim lasts this long from the moment it is taken, and is renewed every RENEW_MS while the
 * send runs: longer than nodemailer's own timeouts (smtp.ts), so a send that is still going is
 * never taken over, and a process that died gives its message up within two minutes.
 */
export const MAIL_LEASE_MS = 2 * MINUTE;
const RENEW_MS = 30_000;

/**
 * Delivers due messages. Without a transport (no SMTP_URL) a due message is marked `kept`:
 * it stays readable at /admin/outbox, which is where e-mail goes in development.
 * Failures retry with capped exponential backoff (1, 2, 4… minutes, at most an hour apart) for
 * MAIL_RETRY_HOURS (24) from the first attempt, then stop as `failed` and the admins are told.
 */
export async function deliverDueMail(
  db: DbOrTx,
  transport: MailTransport | null,
  now: Date = new Date(),
  batchSize = 25,
  options: {
    messageDomain?: string;
    leaseMs?: number;
    renewMs?: number;
    retryHours?: number;
    /** The lane's messages (see jobs/runner.ts); every message when absent. */
    categories?: outbox.CategoryFilter;
  } = {},
): Promise<{ delivered: number; failed: number }> {
  const clock = passClock(now);
  const leaseMs = options.leaseMs ?? MAIL_LEASE_MS;
  const domain = options.messageDomain ?? messageDomain();
  const ids = await outbox.findDueMessageIds(db, isoNow(now), batchSize, options.categories);
  let delivered = 0;
  let failed = 0;
  for (const id of ids) {
    // The lease starts now, at the claim, however long the messages before it took.
    const claimedAt = isoNow(clock());
    const message = await outbox.claimMessage(db, id, claimedAt, addMs(claimedAt, leaseMs));
    if (!message) continue;
    const nowIso = claimedAt;
    if (!transport) {
      await outbox.finishMessage(db, id, { status: 'kept', delivered_at: nowIso });
      delivered++;
      continue;
    }
    try {
      const send = transport.send({
        to: message.to_address,
        subject: message.subject,
        text: message.body_text,
        ...(message.body_html ? { html: message.body_html } : {}),
        ...(message.headers
          ? { headers: JSON.parse(message.headers) as Record<string, string> }
          : {}),
        messageId: messageIdFor(message.id, domain),
      });
      await whileRenewing(
        send,
        () => outbox.renewMessageLease(db, id, addMs(isoNow(clock()), leaseMs)),
        options.renewMs ?? RENEW_MS,
      );
      await outbox.finishMessage(db, id, {
        status: 'sent',
        delivered_at: isoNow(),
        ...(message.category in ONE_TIME_LINK_MAIL
          ? { body_text: REDACTED_BODY, body_html: null }
          : {}),
      });
      delivered++;
      metrics.mail.inc({ outcome: 'sent' });
    } catch (error) {
      failed++;
      const lastError = String(error instanceof Error ? error.message : error).slice(0, 500);
      const next = nextMailAttempt(
        message.attempts,
        Date.parse(message.first_attempt_at ?? nowIso),
        Date.parse(nowIso),
        (options.retryHours ?? config().mailRetryHours) * 60 * MINUTE,
      );
      await outbox.finishMessage(db, id, {
        status: next === null ? 'failed' : 'pending',
        last_error: lastError,
        ...(next === null ? {} : { send_after: new Date(next).toISOString() }),
      });
      metrics.mail.inc({ outcome: next === null ? 'failed' : 'retry' });
      if (next === null) await tellAdminsOfFailure(db, message, lastError, new Date(nowIso));
    }
  }
  return { delivered, failed };
}

/**
 * Tells every admin, once, that an e-mail could not be delivered however long it was retried
 * (a notice about a failed notice is not sent: that would loop while the mail server is down).
 */
async function tellAdminsOfFailure(
  db: DbOrTx,
  message: { id: string; to_address: string; subject: string; category: string },
  lastError: string,
  now: Date,
): Promise<void> {
  if (message.category === FAILED_MAIL_NOTICE) return;
  const admins = await db.selectFrom('users').select('email').where('role', '=', 'admin').execute();
  for (const admin of admins) {
    await enqueueMail(
      db,
      {
        to: admin.email,
        subject: `An e-mail to ${message.to_address} could not be delivered`,
        text: [
          `Chasm tried to send "${message.subject}" to ${message.to_address} and gave up.`,
          `Last error: ${lastError}`,
          `Read it, and send it again once the mail server works: ${config().publicOrigin}/admin/outbox/${message.id}`,
        ].join('\n\n'),
        category: FAILED_MAIL_NOTICE,
        dedupeKey: `mail-failed:${message.id}:${admin.email}`,
      },
      now,
    );
  }
}

/** The category of the notice admins get when an e-mail is given up on. */
export const FAILED_MAIL_NOTICE = 'mail_failed';

/** Blanks one-time links whose lifetime is over (run periodically). */
export async function redactExpiredLinks(db: DbOrTx, now: Date = new Date()): Promise<number> {
  let total = 0;
  for (const [category, ttl] of Object.entries(ONE_TIME_LINK_MAIL)) {
    total += await outbox.redactDelivered(db, category, addMs(isoNow(now), -ttl), REDACTED_BODY);
  }
  return total;
}
