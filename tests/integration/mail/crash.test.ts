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

/**
 * A mail worker is killed (SIGKILL) again and again while a real SMTP server (the smtp-server
 * package) is in the middle of accepting its messages. Every message must arrive, and a message
 * that arrives twice (accepted by the server, but the worker died before it could record that)
 * must carry the same Message-ID both times, so the receiver can tell.
 */
const ROOT = resolve(import.meta.dirname, '../../..');
const MESSAGES = 30;
const KILLS = 6;

const dir = mkdtempSync(join(tmpdir(), 'chasm-mail-crash-'));
const databaseUrl = `file:${join(dir, 'crash.sqlite')}`;
const received: { to: string; messageId: string }[] = [];
let smtp: SMTPServer;
let smtpPort = 0;
let db: Db;

beforeAll(async () => {
  smtpPort = await freePort();
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, done) {
      let raw = '';
      stream.on('data', (chunk: Buffer) => (raw += chunk.toString()));
      stream.on('end', () => {
        // Accepting takes a moment, which is when a worker is most likely to die: the message
        // is the server's, and the worker has not yet written down that it was sent.
        setTimeout(() => {
          const messageId = /^message-id:\s*(.+)$/im.exec(raw)?.[1]?.trim() ?? '';
          for (const rcpt of session.envelope.rcptTo)
            received.push({ to: rcpt.address, messageId });
          done();
        }, 150);
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
      { to: `person${i}@crash.test`, subject: `Message ${i}`, text: 'hello', category: 'test' },
      now,
    );
  }
}, 60_000);

afterAll(async () => {
  await db?.destroy();
  await new Promise<void>((closed) => smtp.close(() => closed()));
  rmSync(dir, { recursive: true, force: true });
});

function startWorker(): Promise<ChildProcess> {
  const viteNode = resolve(ROOT, 'node_modules/vite-node/vite-node.mjs');
  const child = fork(viteNode, [resolve(ROOT, 'tests/helpers/mail-worker.ts')], {
    cwd: ROOT,
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
      LEASE_MS: '1500',
    },
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  return new Promise((ready, fail) => {
    child.once('message', () => ready(child));
    child.once('exit', (code) => fail(new Error(`the mail worker exited with ${code}`)));
  });
}

function kill(child: ChildProcess): Promise<void> {
  return new Promise((gone) => {
    if (child.exitCode !== null || child.signalCode !== null) return gone();
    child.once('exit', () => gone());
    child.kill('SIGKILL');
  });
}

async function sentCount(): Promise<number> {
  const row = await db
    .selectFrom('outbox')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('status', '=', 'sent')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

describe('mail delivery through worker crashes', () => {
  it('delivers every message at least once, and a repeat carries the same Message-ID', async () => {
    let killsMidDelivery = 0;
    for (let k = 0; k < KILLS; k++) {
      const worker = await startWorker();
      // Wait until this worker is inside an SMTP exchange (a message arrives or is arriving),
      // then kill it: 100 to 400 ms after the server last accepted one.
      const before = received.length;
      const deadline = Date.now() + 10_000;
      while (received.length === before && Date.now() < deadline && (await sentCount()) < MESSAGES)
        await new Promise((wait) => setTimeout(wait, 20));
      await new Promise((wait) => setTimeout(wait, 100 + ((k * 61) % 300)));
      await kill(worker);
      if ((await sentCount()) < MESSAGES) killsMidDelivery++;
    }
    // One last worker, left alone, finishes what the killed ones left behind.
    const last = await startWorker();
    const deadline = Date.now() + 60_000;
    while ((await sentCount()) < MESSAGES && Date.now() < deadline)
      await new Promise((wait) => setTimeout(wait, 100));
    await kill(last);

    expect(killsMidDelivery).toBeGreaterThanOrEqual(5);
    expect(await sentCount()).toBe(MESSAGES);
    const outbox = await db.selectFrom('outbox').select(['id', 'to_address']).execute();
    const repeats = received.length - new Set(received.map((r) => r.to)).size;
    for (const row of outbox) {
      const copies = received.filter((r) => r.to === row.to_address);
      expect(copies.length, `${row.to_address} arrived`).toBeGreaterThanOrEqual(1);
      for (const copy of copies) expect(copy.messageId).toBe(`<${row.id}@crash.test>`);
    }
    console.log(
      `mail crash test: ${killsMidDelivery} kills during delivery, ${MESSAGES} messages, ${received.length} received, ${repeats} repeats, every repeat with its first Message-ID`,
    );
  }, 180_000);
});
