import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { createDatabase, type Db, type DialectName } from '../../src/server/db';
import { migrateToLatest } from '../../src/server/migrations';

export interface TestDb {
  db: Db;
  dialect: DialectName;
  /** A DATABASE_URL that reaches the same database (for a server process). */
  url: string;
  cleanup(): Promise<void>;
}

/** The dialect this test project runs on (set per Vitest project). */
export function testDialect(): DialectName {
  return process.env.CHASM_TEST_DIALECT === 'postgres' ? 'postgres' : 'sqlite';
}

/** A PostgreSQL URL whose connections use their own schema, so parallel test files never meet. */
export async function createPostgresSchema(): Promise<{ url: string; drop(): Promise<void> }> {
  const base = process.env.TEST_DATABASE_URL;
  if (!base) throw new Error('TEST_DATABASE_URL is not set');
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  await admin.end();
  const url = new URL(base);
  url.searchParams.set('options', `-c search_path=${schema}`);
  return {
    url: url.toString(),
    async drop() {
      const client = new pg.Client({ connectionString: base });
      await client.connect();
      await client.query(`drop schema if exists ${schema} cascade`);
      await client.end();
    },
  };
}

/**
 * A fresh, migrated database for one test file: a temporary SQLite file (so a second
 * connection can share it) or a new PostgreSQL schema.
 */
export async function createTestDb(options: { migrate?: boolean } = {}): Promise<TestDb> {
  const dialect = testDialect();
  let url: string;
  let drop: () => Promise<void>;
  if (dialect === 'postgres') {
    const schema = await createPostgresSchema();
    url = schema.url;
    drop = schema.drop;
  } else {
    const { mkdtempSync, rmSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const dir = mkdtempSync(join(tmpdir(), 'chasm-test-'));
    url = `file:${join(dir, 'test.sqlite')}`;
    drop = async () => rmSync(dir, { recursive: true, force: true });
  }
  const db = createDatabase(url);
  if (options.migrate !== false) await migrateToLatest(db);
  return {
    db,
    dialect,
    url,
    async cleanup() {
      await db.destroy();
      await drop();
    },
  };
}
