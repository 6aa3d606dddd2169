import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createDatabase } from '../../../src/server/db';
import { createPostgresSchema, testDialect } from '../../helpers/test-db';
import { startBuiltServer, type RunningServer } from '../../helpers/server';

/**
 * Three servers started at the same moment on one empty database: one migrates and seeds the
 * demo data, the others wait for it (a lock in the database), and all three come up healthy.
 */
const dir = mkdtempSync(join(tmpdir(), 'chasm-first-start-'));
const servers: RunningServer[] = [];
let dropSchema: (() => Promise<void>) | null = null;
afterAll(async () => {
  await Promise.all(servers.map((s) => s.stop()));
  await dropSchema?.();
  rmSync(dir, { recursive: true, force: true });
});

describe('a concurrent first start', () => {
  it('migrates and seeds exactly once, with no error, however many processes start together', async () => {
    let url = `file:${join(dir, 'first.sqlite')}`;
    if (testDialect() === 'postgres') {
      const schema = await createPostgresSchema();
      url = schema.url;
      dropSchema = schema.drop;
    }
    const started = await Promise.all(
      [0, 1, 2].map(() =>
        startBuiltServer({ DATABASE_URL: url, CHASM_DEMO: '1', CHASM_DEMO_VISITORS_PER_DAY: '5' }),
      ),
    );
    servers.push(...started);
    for (const server of started) {
      const health = await fetch(`${server.baseUrl}/api/health`);
      expect(health.status).toBe(200);
      expect(server.output()).not.toMatch(/UNIQUE constraint|duplicate key|unhandled|Error:/i);
    }
    const db = createDatabase(url);
    try {
      const users = await db
        .selectFrom('users')
        .select(['email'])
        .where('email', '=', 'channel@chasm.test')
        .execute();
      expect(users).toHaveLength(1);
      const demoDeals = await db
        .selectFrom('deals')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      const oneSeed = Number(demoDeals.n);
      expect(oneSeed).toBeGreaterThan(0);
      // A fourth start later finds everything done and adds nothing.
      const late = await startBuiltServer({
        DATABASE_URL: url,
        CHASM_DEMO: '1',
        CHASM_DEMO_VISITORS_PER_DAY: '5',
      });
      servers.push(late);
      const after = await db
        .selectFrom('deals')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      expect(Number(after.n)).toBe(oneSeed);
    } finally {
      await db.destroy();
    }
  }, 180_000);
});
