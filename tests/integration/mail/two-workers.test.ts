import { fork, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase, type Db } from '../../../src/server/db';
import { enqueueMail } from '../../../src/server/mail/mailer';
import { migrateToLatest } from '../../../src/server/migrations';
import { freePort } from '../../helpers/server';
import { createPostgresSchema, testDialect } from '../../helpers/test-db';

/**
 * Two worker processes deliver one outbox at the same time (on PostgreSQL in the
 * integration-postgres project, each with its own pool; on SQLite sharing the file): the
 * conditional claim and the leases let each message go out exactly once.
 */
const ROOT = resolve(import.meta.dirname, '../../..');
const MESSAGES = 40;
const dir = mkdtempSync(join(tmpdir(), 'chasm-two-workers-'));
const received: string[] = [];
let smtp: SMTPServer;
let smtpPort = 0;
let databaseUrl = `file:${join(dir, 'two.sqlite')}`;
let dropSchema: (() => Promise<void>) | null = null;
let db: Db;

beforeAll(async () => {
  if (testDialect() === 'postgres') {
    const schema = await createPostgresSchema();
    databaseUrl = schema.url;
    dropSchema = schema.drop;
  }
  smtpPort = await freePort();
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, done) {
      stream.on('data', () => undefined);
      stream.on('end', () => {
        // Slow enough that both workers are busy at once.
        setTimeout(() => {
          for (const rcpt of session.envelope.rcptTo) received.push(rcpt.address);
          done();
        }, 40);
      });
    },
  });
  await new Promise<void>((ready) => smtp.listen(smtpPort, '127.0.0.1', () => ready()));
  db = createDatabase(databaseUrl);
  await migrateToLatest(db);
  const now = new Date(Date.now() - 1000);
  for (let i = 0; i < MESSAGES; i++) {
    await enqueueMail(
      db,
      { to: `p${i}@two.test`, subject: `M${i}`, text: 'x', category: 'test' },
      now,
    );
  }
}, 60_000);

afterAll(async () => {
  await db?.destroy();
  await new Promise<void>((closed) => smtp.close(() => closed()));
  await dropSchema?.();
  rmSync(dir, { recursive: true, force: true });
});

function startWorker(): Promise<ChildProcess> {
  const child = fork(
    resolve(ROOT, 'node_modules/vite-node/vite-node.mjs'),
    [resolve(ROOT, 'tests/helpers/mail-worker.ts')],
    {
      cwd: ROOT,
      env: {
        ...process.env,
        DATABASE_URL: databaseUrl,
        SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
        LEASE_MS: '5000',
      },
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    },
  );
  return new Promise((ready, fail) => {
    child.once('message', () => ready(child));
    child.once('exit', (code) => fail(new Error(`the mail worker exited with ${code}`)));
  });
}

describe('two mail workers on one outbox', () => {
  it('send every message exactly once', async () => {
    const workers = await Promise.all([startWorker(), startWorker()]);
    const deadline = Date.now() + 60_000;
    const sent = async () =>
      Number(
        (
          await db
            .selectFrom('outbox')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .where('status', '=', 'sent')
            .executeTakeFirstOrThrow()
        ).n,
      );
    while ((await sent()) < MESSAGES && Date.now() < deadline)
      await new Promise((w) => setTimeout(w, 100));
    await Promise.all(
      workers.map(
        (w) =>
          new Promise<void>((gone) => {
            w.once('exit', () => gone());
            w.kill('SIGKILL');
          }),
      ),
    );
    expect(await sent()).toBe(MESSAGES);
    expect(received).toHaveLength(MESSAGES);
    expect(new Set(received).size).toBe(MESSAGES);
  }, 120_000);
});
