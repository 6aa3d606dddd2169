import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, PostgresAdapter, PostgresDialect, SqliteDialect, type Transaction } from 'kysely';
import pg from 'pg';
import { config } from './config';
import { processSingleton } from './process-state';
import type { Database } from './schema';

export type Db = Kysely<Database>;
export type DbOrTx = Kysely<Database> | Transaction<Database>;
export type DialectName = 'sqlite' | 'postgres';

export interface DatabaseOptions {
  /** PostgreSQL only: run every connection with this search_path (tests use a schema each). */
  searchPath?: string;
  /** PostgreSQL only: pool size. */
  poolSize?: number;
  /** SQLite only: overrides SQLITE_SYNCHRONOUS (the bench compares both). */
  sqliteSynchronous?: 'normal' | 'full';
}

/** Which engine a `DATABASE_URL` points at. */
export function dialectForUrl(url: string): DialectName {
  return /^postgres(ql)?:\/\//.test(url) ? 'postgres' : 'sqlite';
}

/** Which engine a Kysely instance talks to. */
export function dialectOf(db: DbOrTx): DialectName {
  return db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';
}

function sqlitePath(url: string): string {
  const path = url.replace(/^file:/, '');
  if (path === ':memory:' || path === '') return ':memory:';
  const absolute = resolve(path);
  mkdirSync(dirname(absolute), { recursive: true });
  return absolute;
}

/**
 * Opens SQLite with the settings a web server needs: WAL so readers never wait for the
 * writer, `synchronous` from SQLITE_SYNCHRONOUS (NORMAL by default: a commit survives a process
 * crash, and with WAL the database is never corrupted, but a power loss can take the last
 * commits; FULL syncs every commit), foreign keys enforced, and a busy timeout so a second
 * process waits for the write lock instead of failing.
 */
export function openSqlite(
  url: string,
  synchronous: 'normal' | 'full' = config().sqliteSynchronous,
): SqliteDatabase.Database {
  const sqlite = new SqliteDatabase(sqlitePath(url));
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma(`synchronous = ${synchronous === 'full' ? 'FULL' : 'NORMAL'}`);
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  return sqlite;
}

function createPool(url: string, options: DatabaseOptions): pg.Pool {
  // COUNT(*) and BIGINT come back as strings by default; our counts fit in a double.
  const types = {
    getTypeParser: ((oid: number, format?: string) => {
      if (oid === 20) return (value: string) => Number(value);
      if (oid === 1700) return (value: string) => Number(value);
      return pg.types.getTypeParser(oid, format as 'text');
    }) as typeof pg.types.getTypeParser,
  };
  return new pg.Pool({
    connectionString: url,
    max: options.poolSize ?? 10,
    types,
    ...(options.searchPath ? { options: `-c search_path=${options.searchPath}` } : {}),
  });
}

/**
 * Kysely prepares every query afresh; better-sqlite3 statements are reusable, so keep the
 * most recent ones by SQL text. Kysely runs each statement synchronously to completion, so a
 * cached statement is never in use twice at once.
 */
function withStatementCache(sqlite: SqliteDatabase.Database, size = 500) {
  const cache = new Map<string, SqliteDatabase.Statement>();
  return {
    close: () => sqlite.close(),
    prepare(text: string) {
      let statement = cache.get(text);
      if (statement) {
        cache.delete(text);
      } else {
        statement = sqlite.prepare(text);
        if (cache.size >= size) cache.delete(cache.keys().next().value as string);
      }
      cache.set(text, statement);
      return statement;
    },
  };
}

/** Opens the database a URL names: `file:…` (SQLite) or `postgres://…` (PostgreSQL). */
export function createDatabase(url: string, options: DatabaseOptions = {}): Db {
  if (dialectForUrl(url) === 'postgres') {
    return new Kysely<Database>({
      dialect: new PostgresDialect({ pool: createPool(url, options) }),
    });
  }
  return new Kysely<Database>({
    dialect: new SqliteDialect({
      database: withStatementCache(openSqlite(url, options.sqliteSynchronous)),
    }),
  });
}

/** The process-wide database for `DATABASE_URL` (one per process: see process-state.ts). */
export function getDb(): Db {
  return processSingleton('db', () => createDatabase(config().databaseUrl));
}
