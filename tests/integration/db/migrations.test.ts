import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrations } from '../../../db/migrations/index';
import { migrateAllDown, migrateToLatest } from '../../../src/server/migrations';
import { createTestDb, type TestDb } from '../../helpers/test-db';

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb({ migrate: false });
});
afterAll(() => t.cleanup());

/** Our tables in this database (on PostgreSQL: in this test's schema only). */
async function appTables(): Promise<string[]> {
  let schema: string | undefined;
  if (t.dialect === 'postgres') {
    schema = (await sql<{ s: string }>`select current_schema() as s`.execute(t.db)).rows[0]?.s;
  }
  const tables = await t.db.introspection.getTables();
  return tables
    .filter((table) => schema === undefined || table.schema === schema)
    .map((table) => table.name)
    .filter((name) => !name.startsWith('kysely_'))
    .sort();
}

describe('migrations', () => {
  it('lists every migration file in the registry, named YYYY_MM_DD_HHMM_name', () => {
    const dir = resolve(import.meta.dirname, '../../../db/migrations');
    const files = readdirSync(dir)
      .filter((f) => f !== 'index.ts' && f.endsWith('.ts'))
      .map((f) => f.replace(/\.ts$/, ''));
    expect(Object.keys(migrations).sort()).toEqual(files.sort());
    for (const name of files) expect(name).toMatch(/^\d{4}_\d{2}_\d{2}_\d{4}_[a-z0-9_]+$/);
  });

  it('go up, all the way down, and up again', async () => {
    const up = await migrateToLatest(t.db);
    expect(up).toHaveLength(Object.keys(migrations).length);
    expect(await appTables()).toEqual(
      expect.arrayContaining(['partners', 'users', 'sessions', 'outbox', 'jobs']),
    );

    const down = await migrateAllDown(t.db);
    expect(down).toHaveLength(Object.keys(migrations).length);
    expect(await appTables()).toEqual([]);

    await migrateToLatest(t.db);
    expect((await appTables()).length).toBeGreaterThan(0);
  });

  it('is a no-op when up to date, so running it at every start is safe', async () => {
    await migrateToLatest(t.db);
    expect(await migrateToLatest(t.db)).toEqual([]);
  });
});
