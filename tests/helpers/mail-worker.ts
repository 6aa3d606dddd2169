/**
 * A mail worker for the crash test: delivers the outbox of DATABASE_URL to SMTP_URL in a loop,
 * as the job runner does, with a short lease (LEASE_MS) so the test need not wait two minutes
 * for the lease a killed worker left behind. It prints "ready" and runs until it is killed.
 */
import { createDatabase } from '../../src/server/db';
import { deliverDueMail } from '../../src/server/mail/mailer';
import { createSmtpTransport } from '../../src/server/mail/smtp';

const db = createDatabase(process.env.DATABASE_URL!);
const transport = createSmtpTransport(process.env.SMTP_URL!, 'Chasm <no-reply@chasm.test>');
const leaseMs = Number(process.env.LEASE_MS ?? 1500);
process.send?.('ready');
for (;;) {
  await deliverDueMail(db, transport, new Date(), 5, {
    messageDomain: 'crash.test',
    leaseMs,
    renewMs: Math.floor(leaseMs / 4),
  });
  await new Promise((wait) => setTimeout(wait, 50));
}
