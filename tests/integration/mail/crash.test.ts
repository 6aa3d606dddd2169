import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase, type Db } from '../../../src/server/db';
import { migrateToLatest } from '../../../src/server/migrations';
import {
  fillOutbox,
  killHard,
  sentCount,
  startMailWorker,
  startSmtpRecorder,
} from '../../helpers/mail-servers';

/**
 * A mail worker is killed (SIGKILL) again and again while a real SMTP server is in the middle
 * of accepting its messages. Every message must arrive, and a message that arrives twice
 * (accepted by the server, but the worker died before it could record that) must carry the
 * same Message-ID both times, so the receiver can tell.
 */
const MESSAGES = 30;
const KILLS = 6;

const dir = mkdtempSync(join(tmpdir(), 'chasm-mail-crash-'));
const databaseUrl = `file:${join(dir, 'crash.sqlite')}`;
let smtp: Awaited<ReturnType<typeof startSmtpRecorder>>;
let db: Db;

beforeAll(async () => {
  smtp = await startSmtpRecorder(150);
  db = createDatabase(databaseUrl);
  await migrateToLatest(db);
  await fillOutbox(db, MESSAGES, 'crash.test');
}, 60_000);

afterAll(async () => {
  await db?.destroy();
  await smtp?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('mail delivery through worker crashes', () => {
  it('delivers every message at least once, and a repeat carries the same Message-ID', async () => {
    const { received } = smtp;
    const worker = () => startMailWorker({ databaseUrl, smtpUrl: smtp.url, leaseMs: 1500 });
    let killsMidDelivery = 0;
    for (let k = 0; k < KILLS; k++) {
      const running = await worker();
      // Wait until this worker is inside an SMTP exchange (a message arrives or is arriving),
      // then kill it: 100 to 400 ms after the server last accepted one.
      const before = received.length;
      const deadline = Date.now() + 10_000;
      while (
        received.length === before &&
        Date.now() < deadline &&
        (await sentCount(db)) < MESSAGES
      )
        await new Promise((wait) => setTimeout(wait, 20));
      await new Promise((wait) => setTimeout(wait, 100 + ((k * 61) % 300)));
      await killHard(running);
      if ((await sentCount(db)) < MESSAGES) killsMidDelivery++;
    }
    // One last worker, left alone, finishes what the killed ones left behind.
    const last = await worker();
    const deadline = Date.now() + 60_000;
    while ((await sentCount(db)) < MESSAGES && Date.now() < deadline)
      await new Promise((wait) => setTimeout(wait, 100));
    await killHard(last);

    expect(killsMidDelivery).toBeGreaterThanOrEqual(5);
    expect(await sentCount(db)).toBe(MESSAGES);
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
