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
import { createPostgresSchema, testDialect } from '../../helpers/test-db';

/**
 * Two worker processes deliver one outbox at the same time (on PostgreSQL in the
 * integration-postgres project, each with its own pool; on SQLite sharing the file): the
 * conditional claim and the leases let each message go out exactly once.
 */
const MESSAGES = 40;
const dir = mkdtempSync(join(tmpdir(), 'chasm-two-workers-'));
let smtp: Awaited<ReturnType<typeof startSmtpRecorder>>;
let databaseUrl = `file:${join(dir, 'two.sqlite')}`;
let dropSchema: (() => Promise<void>) | null = null;
let db: Db;

beforeAll(async () => {
  if (testDialect() === 'postgres') {
    const schema = await createPostgresSchema();
    databaseUrl = schema.url;
    dropSchema = schema.drop;
  }
  // Slow enough that both workers are busy at once.
  smtp = await startSmtpRecorder(40);
  db = createDatabase(databaseUrl);
  await migrateToLatest(db);
  await fillOutbox(db, MESSAGES, 'two.test');
}, 60_000);

afterAll(async () => {
  await db?.destroy();
  await smtp?.close();
  await dropSchema?.();
  rmSync(dir, { recursive: true, force: true });
});

describe('two mail workers on one outbox', () => {
  it('send every message exactly once', async () => {
    const start = () => startMailWorker({ databaseUrl, smtpUrl: smtp.url, leaseMs: 5000 });
    const workers = await Promise.all([start(), start()]);
    const deadline = Date.now() + 60_000;
    while ((await sentCount(db)) < MESSAGES && Date.now() < deadline)
      await new Promise((w) => setTimeout(w, 100));
    await Promise.all(workers.map(killHard));
    const recipients = smtp.received.map((r) => r.to);
    expect(await sentCount(db)).toBe(MESSAGES);
    expect(recipients).toHaveLength(MESSAGES);
    expect(new Set(recipients).size).toBe(MESSAGES);
  }, 120_000);
});
