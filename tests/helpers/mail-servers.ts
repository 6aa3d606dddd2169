import { fork, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { SMTPServer } from 'smtp-server';
import type { Db } from '../../src/server/db';
import { enqueueMail } from '../../src/server/mail/mailer';
import { freePort } from './server';

const ROOT = resolve(import.meta.dirname, '../..');

export interface Received {
  to: string;
  messageId: string;
}

/**
 * A real SMTP server (the smtp-server package) that records each message it accepts, with its
 * Message-ID. Accepting takes `acceptMs`, which is when a sender is most likely to die: the
 * message is the server's, and the sender has not yet written down that it was sent.
 */
export async function startSmtpRecorder(acceptMs: number) {
  const received: Received[] = [];
  const port = await freePort();
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, done) {
      let raw = '';
      stream.on('data', (chunk: Buffer) => (raw += chunk.toString()));
      stream.on('end', () => {
        setTimeout(() => {
          const messageId = /^message-id:\s*(.+)$/im.exec(raw)?.[1]?.trim() ?? '';
          for (const rcpt of session.envelope.rcptTo)
            received.push({ to: rcpt.address, messageId });
          done();
        }, acceptMs);
      });
    },
  });
  await new Promise<void>((ready) => smtp.listen(port, '127.0.0.1', () => ready()));
  return {
    received,
    url: `smtp://127.0.0.1:${port}`,
    close: () => new Promise<void>((closed) => smtp.close(() => closed())),
  };
}

/** Queues `count` test e-mails, due now, to `person<i>@<domain>`. */
export async function fillOutbox(db: Db, count: number, domain: string): Promise<void> {
  const now = new Date(Date.now() - 1000);
  for (let i = 0; i < count; i++) {
    await enqueueMail(
      db,
      { to: `person${i}@${domain}`, subject: `Message ${i}`, text: 'hello', category: 'test' },
      now,
    );
  }
}

/** A mail worker process (tests/helpers/mail-worker.ts), once it is ready. */
export function startMailWorker(env: {
  databaseUrl: string;
  smtpUrl: string;
  leaseMs: number;
}): Promise<ChildProcess> {
  const child = fork(
    resolve(ROOT, 'node_modules/vite-node/vite-node.mjs'),
    [resolve(ROOT, 'tests/helpers/mail-worker.ts')],
    {
      cwd: ROOT,
      env: {
        ...process.env,
        DATABASE_URL: env.databaseUrl,
        SMTP_URL: env.smtpUrl,
        LEASE_MS: String(env.leaseMs),
      },
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    },
  );
  return new Promise((ready, fail) => {
    child.once('message', () => ready(child));
    child.once('exit', (code) => fail(new Error(`the mail worker exited with ${code}`)));
  });
}

/** SIGKILL, as a crash: resolves once the process is gone. */
export function killHard(child: ChildProcess): Promise<void> {
  return new Promise((gone) => {
    if (child.exitCode !== null || child.signalCode !== null) return gone();
    child.once('exit', () => gone());
    child.kill('SIGKILL');
  });
}

/** How many outbox messages are `sent`. */
export async function sentCount(db: Db): Promise<number> {
  const row = await db
    .selectFrom('outbox')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('status', '=', 'sent')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
